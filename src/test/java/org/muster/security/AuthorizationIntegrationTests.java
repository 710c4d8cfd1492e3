package org.muster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every role against every endpoint family: what a member of one post may do there, and that
 * nobody reaches another post's content or administration they do not hold.
 */
@MusterIntegrationTest
class AuthorizationIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleReachesItsOwnPostAndOnlyWhatItsRoleAllows(Role role) {
        Post mine = data.post();
        Post other = data.post();
        String username = data.user(role, Classification.SECRET, mine);
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        assertThat(client.signIn(username, TestData.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        boolean admin = role == Role.ADMINISTRATOR;

        // dashboard and own account: every role
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        assertThat(client.get("/").body()).contains(mine.name()).doesNotContain(other.name());
        assertThat(client.get("/account").statusCode()).isEqualTo(200);
        assertThat(client.getJson("/api/v1/openapi").statusCode()).isEqualTo(200);

        // posts API: own post readable, another post refused, creation for administrators only
        assertThat(client.getJson("/api/v1/posts/" + mine.code()).statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = client.getJson("/api/v1/posts/" + other.code());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain(other.name());
        assertThat(client.getJson("/api/v1/posts").body()).contains(mine.code()).doesNotContain(other.code());
        String newCode = "Z" + mine.code().substring(1);
        HttpResponse<String> created = client.postJson(
                "/api/v1/posts",
                "{\"code\":\"" + newCode
                        + "\",\"name\":\"New\",\"kind\":\"CONSULATE\",\"country\":\"X\",\"timeZone\":\"UTC\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(admin ? 201 : 403);
        if (!admin) {
            assertThat(created.body()).contains("ADMINISTRATOR");
        }

        // switching into a post one is not a member of: refused for every role
        assertThat(client.postForm("/posts/current", Map.of("code", other.code()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.get("/").body()).contains(mine.name());

        // administration and operations: administrators only
        for (String page : new String[] {"/admin/users", "/admin/posts", "/admin/audit", "/actuator/prometheus"}) {
            assertThat(client.get(page).statusCode()).as(page).isEqualTo(admin ? 200 : 403);
        }
    }

    @Test
    void anonymousRequestsAreSentToLoginOrRefused() {
        SignedInClient anonymous = new SignedInClient("http://localhost:" + port);
        for (String page : new String[] {"/", "/account", "/admin/users", "/admin/audit"}) {
            HttpResponse<String> response = anonymous.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        HttpResponse<String> api = anonymous.getJson("/api/v1/posts");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(anonymous.getJson("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").body()).doesNotContain("components");
    }

    @Test
    void administratorSeesHealthDetails() {
        Post post = data.post();
        SignedInClient admin = new SignedInClient("http://localhost:" + port);
        admin.signIn(data.user(Role.ADMINISTRATOR, Classification.UNCLASSIFIED, post), TestData.PASSWORD);
        assertThat(admin.getJson("/actuator/health").body()).contains("\"db\"");
    }

    @Test
    void aRevokedMembershipTakesEffectOnTheNextRequest(@Autowired UserAccounts accounts) {
        Post post = data.post();
        String username = data.user(Role.CONSULAR, Classification.SBU, post);
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(username, TestData.PASSWORD);
        assertThat(client.getJson("/api/v1/posts/" + post.code()).statusCode()).isEqualTo(200);

        accounts.removeMembership(accounts.idOf(username).orElseThrow(), post.id());

        assertThat(client.getJson("/api/v1/posts/" + post.code()).statusCode()).isEqualTo(403);
    }
}
