package org.muster.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pages link their webjars without a version, unrewritten, and those links are served. */
@MusterIntegrationTest
class ResourceUrlsIntegrationTests {
    private static final Pattern SCRIPT = Pattern.compile("<script src=\"([^\"]*htmx[^\"]*)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Test
    void aPagesLinksAreNotRewrittenAndItsVersionlessWebjarIsServed() {
        Post post = data.post();
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post), TestData.PASSWORD);

        String page = client.get("/roll-calls").body();
        Matcher script = SCRIPT.matcher(page);
        assertThat(script.find()).as("the layout's htmx script").isTrue();
        var served = client.get(script.group(1));

        assertThat(script.group(1)).isEqualTo("/webjars/htmx.org/dist/htmx.min.js");
        assertThat(page).contains("href=\"/css/muster.css\"");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(served.body()).contains("htmx");
    }
}
