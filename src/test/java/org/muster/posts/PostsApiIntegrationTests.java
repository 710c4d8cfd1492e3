package org.muster.posts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MusterIntegrationTest
class PostsApiIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    SignedInClient administrator() {
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(data.user(Role.ADMINISTRATOR, Classification.UNCLASSIFIED, data.post()), TestData.PASSWORD);
        return client;
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndChangesNothing() {
        long postsBefore =
                jdbc.sql("select count(*) from post").query(Long.class).single();
        long auditBefore =
                jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        SignedInClient admin = administrator();
        postsBefore++;
        auditBefore =
                jdbc.sql("select count(*) from audit_entry").query(Long.class).single();

        var badCode = admin.postJson(
                "/api/v1/posts",
                "{\"code\":\"kabul\",\"name\":\"X\",\"kind\":\"EMBASSY\",\"country\":\"C\",\"timeZone\":\"UTC\"}");
        var badZone = admin.postJson(
                "/api/v1/posts",
                "{\"code\":\"XYZZ\",\"name\":\"X\",\"kind\":\"EMBASSY\",\"country\":\"C\",\"timeZone\":\"Mars/Olympus\"}");
        var missing = admin.postJson("/api/v1/posts", "{\"code\":\"XYZZ\",\"kind\":\"EMBASSY\"}");
        var badKind = admin.postJson(
                "/api/v1/posts",
                "{\"code\":\"XYZZ\",\"name\":\"X\",\"kind\":\"PALACE\",\"country\":\"C\",\"timeZone\":\"UTC\"}");

        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(badCode.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(badCode.body()).contains("\"field\":\"code\"").contains("capital letters");
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(badZone.body()).contains("\"field\":\"timeZone\"");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"name\"").contains("\"field\":\"country\"");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from post").query(Long.class).single())
                .isEqualTo(postsBefore);
        assertThat(jdbc.sql("select count(*) from audit_entry")
                        .query(Long.class)
                        .single())
                .isEqualTo(auditBefore);
    }

    @Test
    void aDuplicateCodeIsRefusedByName() {
        SignedInClient admin = administrator();
        Post existing = data.post();

        var duplicate = admin.postJson(
                "/api/v1/posts",
                "{\"code\":\"" + existing.code()
                        + "\",\"name\":\"X\",\"kind\":\"EMBASSY\",\"country\":\"C\",\"timeZone\":\"UTC\"}");

        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("already exists");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        var doc = administrator().getJson("/api/v1/openapi");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("\"openapi\":\"3.").contains("/api/v1/posts");
    }
}
