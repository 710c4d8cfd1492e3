package org.muster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MusterIntegrationTest
class LoginIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAccounts accounts;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        String username = data.user(Role.WARDEN, Classification.UNCLASSIFIED, data.post());
        for (int i = 0; i < 5; i++) {
            assertThat(new SignedInClient(base())
                            .signIn(username, "wrong-password-" + i)
                            .headers()
                            .firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=bad"));
        }

        var locked = new SignedInClient(base()).signIn(username, TestData.PASSWORD);

        assertThat(locked.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=locked"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'user.locked' and actor = ?")
                        .param(username)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        String username = data.user(Role.WARDEN, Classification.UNCLASSIFIED, data.post());
        for (int i = 0; i < 4; i++) {
            new SignedInClient(base()).signIn(username, "wrong-password");
        }
        new SignedInClient(base()).signIn(username, TestData.PASSWORD);
        for (int i = 0; i < 4; i++) {
            new SignedInClient(base()).signIn(username, "wrong-password");
        }

        assertThat(new SignedInClient(base())
                        .signIn(username, TestData.PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String username = data.user(Role.VIEWER, Classification.UNCLASSIFIED, data.post());
        String hash = jdbc.sql("select password_hash from app_user where username = ?")
                .param(username)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}$2a$").doesNotContain(TestData.PASSWORD);
    }

    @Test
    void anApiTokenActsAsItsOwnerUntilRevoked() throws Exception {
        Post post = data.post();
        String username = data.user(Role.CONSULAR, Classification.SBU, post);
        long userId = accounts.idOf(username).orElseThrow();
        String secret = tokens.create(userId, "gate tablet");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/posts"))
                .header("Authorization", "Bearer " + secret)
                .build();

        HttpResponse<String> ok = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains(post.code());
        assertThat(ok.headers().firstValue("Set-Cookie")).isEmpty();

        long tokenId = tokens.list(userId).get(0).id();
        tokens.revoke(userId, tokenId);
        HttpResponse<String> revoked = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("revoked");
    }

    @Test
    void aTokenCanWriteWithoutCsrfButASessionCannot() throws Exception {
        String admin = data.user(Role.ADMINISTRATOR, Classification.UNCLASSIFIED, data.post());
        String secret = tokens.create(accounts.idOf(admin).orElseThrow(), "automation");
        String body = "{\"code\":\"QQQ%s\",\"name\":\"N\",\"kind\":\"EMBASSY\",\"country\":\"C\",\"timeZone\":\"UTC\"}";
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> byToken = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/posts"))
                        .header("Authorization", "Bearer " + secret)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.formatted("A")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byToken.statusCode()).as(byToken.body()).isEqualTo(201);

        SignedInClient session = new SignedInClient(base());
        session.signIn(admin, TestData.PASSWORD);
        var cookie = session.cookies().getCookieStore().getCookies().get(0);
        HttpResponse<String> withoutCsrf = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/posts"))
                        .header("Cookie", cookie.getName() + "=" + cookie.getValue())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.formatted("B")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from post where code = 'QQQB'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
