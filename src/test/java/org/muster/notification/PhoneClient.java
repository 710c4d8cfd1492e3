package org.muster.notification;

import java.net.http.HttpResponse;
import java.util.Map;
import org.muster.SignedInClient;

/**
 * Someone without an account, as a phone's browser: keeps the (anonymous) session cookie, follows
 * no redirects, and posts forms with the CSRF token of the page it opened (its form's or its
 * {@code _csrf} meta element's; else the sign-in page's). A {@link SignedInClient} that never signs in.
 */
final class PhoneClient {
    private final SignedInClient client;

    PhoneClient(int port) {
        this.client = new SignedInClient("http://localhost:" + port);
    }

    HttpResponse<String> get(String path) {
        return client.get(path);
    }

    /** Opens the page, then posts the fields with its CSRF token. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        String token = csrf(get(path).body());
        return postWith(path, fields, token != null ? token : csrf(get("/login").body()));
    }

    /** Posts the fields with the given CSRF token (null: none). */
    HttpResponse<String> postWith(String path, Map<String, String> fields, String token) {
        return client.postForm(path, fields, token);
    }

    static String csrf(String html) {
        return SignedInClient.csrfFrom(html);
    }
}
