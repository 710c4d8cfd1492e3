package org.muster.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@MusterIntegrationTest
class ErrorPagesIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Controller
    static class Failing {
        @GetMapping("/test-failure")
        String fail() {
            throw new IllegalStateException("internal detail 42");
        }
    }

    @RestController
    static class FailingApi {
        @GetMapping("/api/v1/test-failure")
        String fail() {
            throw new IllegalStateException("internal detail 43");
        }
    }

    SignedInClient viewer() {
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(data.user(Role.VIEWER, Classification.UNCLASSIFIED, data.post()), TestData.PASSWORD);
        return client;
    }

    @Test
    void anUnexpectedErrorShowsAPlainPageWithoutInternals() {
        var page = viewer().get("/test-failure");

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("Something went wrong").contains("Back to the dashboard");
        assertThat(page.body()).doesNotContain("internal detail 42").doesNotContain("IllegalStateException");
    }

    @Test
    void anUnexpectedApiErrorIsAProblemWithoutInternals() {
        var response = viewer().getJson("/api/v1/test-failure");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"status\":500").doesNotContain("internal detail 43");
    }

    @Test
    void notFoundAndForbiddenHaveTheirOwnPages() {
        SignedInClient client = viewer();
        assertThat(client.get("/no-such-page").body()).contains("Page not found");
        var forbidden = client.get("/admin/users");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Not permitted");
    }
}
