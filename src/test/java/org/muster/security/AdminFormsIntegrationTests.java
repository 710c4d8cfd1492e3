package org.muster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The administration forms: a refused form names the field, keeps what was typed and writes nothing. */
@MusterIntegrationTest
class AdminFormsIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBadPostFormNamesTheFieldAndCreatesNothing() {
        SignedInClient admin = new SignedInClient("http://localhost:" + port);
        admin.signIn(data.user(Role.ADMINISTRATOR, Classification.UNCLASSIFIED, data.post()), TestData.PASSWORD);
        long before = jdbc.sql("select count(*) from post").query(Long.class).single();

        var page = admin.postForm(
                "/admin/posts",
                Map.of("code", "KBL1", "name", "Kept name", "kind", "EMBASSY", "country", "X", "timeZone", "UTC"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("code: use 3 to 5 capital letters").contains("value=\"Kept name\"");
        assertThat(jdbc.sql("select count(*) from post").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void anAdministratorAddsAnAccountWithAOneTimePasswordThatMustBeChanged() {
        Post post = data.post();
        SignedInClient admin = new SignedInClient("http://localhost:" + port);
        admin.signIn(data.user(Role.ADMINISTRATOR, Classification.UNCLASSIFIED, post), TestData.PASSWORD);

        var refused =
                admin.postForm("/admin/users", Map.of("username", "Bad Name", "displayName", "X", "roles", "WARDEN"));
        assertThat(refused.body()).contains("username: use 2 to 64 lower-case letters");
        assertThat(jdbc.sql("select count(*) from app_user where display_name = 'X'")
                        .query(Long.class)
                        .single())
                .isZero();

        var created = admin.postForm(
                "/admin/users",
                Map.of(
                        "username",
                        "new.warden",
                        "displayName",
                        "New Warden",
                        "roles",
                        "WARDEN",
                        "clearance",
                        "UNCLASSIFIED",
                        "posts",
                        Long.toString(post.id())));
        assertThat(created.statusCode()).isEqualTo(302);
        String notice = admin.get("/admin/users").body();
        var matcher = java.util.regex.Pattern.compile("one-time password: ([A-Za-z0-9-]+)")
                .matcher(notice);
        assertThat(matcher.find()).isTrue();

        SignedInClient newcomer = new SignedInClient("http://localhost:" + port);
        newcomer.signIn("new.warden", matcher.group(1));
        var dashboard = newcomer.get("/");
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account/password"));
        assertThat(newcomer.getJson("/api/v1/posts").statusCode()).isEqualTo(403);

        var changed = newcomer.postForm(
                "/account/password",
                Map.of(
                        "currentPassword",
                        matcher.group(1),
                        "newPassword",
                        "my-own-long-password",
                        "confirmPassword",
                        "my-own-long-password"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(newcomer.get("/").body()).contains(post.name());
    }
}
