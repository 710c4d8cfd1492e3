package org.muster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client that signs in through the login form and then keeps the session cookie, as a
 * browser would; it sends the CSRF token with every form post. Several clients may share one cookie
 * store to show that a session made on one node is accepted by another.
 */
public final class SignedInClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;
    private final CookieManager cookies;

    public SignedInClient(String baseUrl) {
        this(baseUrl, new CookieManager());
    }

    public SignedInClient(String baseUrl, CookieManager cookies) {
        this.baseUrl = baseUrl;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public CookieManager cookies() {
        return cookies;
    }

    /** Signs in; returns the response of the login form post (a redirect to / on success). */
    public HttpResponse<String> signIn(String username, String password) {
        String token = csrfFrom(get("/login").body());
        return postForm("/login", Map.of("username", username, "password", password), token);
    }

    /** A page request, accepting HTML as a browser does. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET()
                .build());
    }

    public HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    /** Posts a form with the CSRF token of the form's own page, or of the dashboard when it has none. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String token = csrfFrom(get(path).body());
        return postForm(path, fields, token != null ? token : csrfFrom(get("/").body()));
    }

    public HttpResponse<String> postJson(String path, String json) {
        return postJson(path, json, "application/json");
    }

    /** Posts JSON with the given Accept header. */
    public HttpResponse<String> postJson(String path, String json, String accept) {
        String token = csrfFrom(get("/").body());
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .header("X-CSRF-TOKEN", token == null ? "" : token)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Posts a form with the given CSRF token (null: none), as a browser does. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, String token) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token != null) {
            all.put("_csrf", token);
        }
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of a page's form or of its {@code _csrf} meta element; null when it has neither. */
    public static String csrfFrom(String html) {
        Matcher m = CSRF.matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        Matcher meta = CSRF_META.matcher(html);
        return meta.find() ? meta.group(1) : null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
