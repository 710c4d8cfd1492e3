package org.muster.committee;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.SignedInClient;
import org.muster.TestData;

/** A signed-in session for JSON requests of any method (the shared client posts only), with its CSRF token. */
final class ApiClient {
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final SignedInClient session;
    private final HttpClient http;

    ApiClient(int port, String username) {
        this.baseUrl = "http://localhost:" + port;
        this.session = new SignedInClient(baseUrl);
        session.signIn(username, TestData.PASSWORD);
        this.http = HttpClient.newBuilder().cookieHandler(session.cookies()).build();
    }

    SignedInClient session() {
        return session;
    }

    HttpResponse<String> get(String path) {
        return session.getJson(path);
    }

    HttpResponse<String> page(String path) {
        return session.get(path);
    }

    HttpResponse<String> send(String method, String path, String json) {
        Matcher m = CSRF_META.matcher(session.get("/").body());
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", m.find() ? m.group(1) : "")
                .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
