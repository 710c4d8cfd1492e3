package org.muster.people.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.ApiTokens;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/v1/posts/CODE/imports} over HTTP, with a token: the list uploaded as multipart and,
 * with {@code commit=true}, imported in the same request (the path the import benchmark times).
 */
@MusterIntegrationTest
class ImportApiIntegrationTests {
    static final String BOUNDARY = "muster-test-boundary";

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aListPostedWithCommitIsImportedAndItsRefusedRowsReported() throws Exception {
        Post post = data.post();
        String csv = "ID,Family name,Category,Email\n"
                + "R1,Rahimi,LES,rahimi@example.org\n"
                + "R2,Haidari,NOT_A_CATEGORY,\n"
                + "R3,Noori,OTHER_DESIGNATED_NATIONAL,noori@example.org\n";

        HttpResponse<String> answer =
                upload(data.user(Role.MANAGEMENT, Classification.UNCLASSIFIED, post), post, csv, true);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body())
                .contains("\"rows\":3")
                .contains("\"added\":2")
                .contains("\"rejected\":1")
                .contains("\"row\":3");
        assertThat(count("person", post)).isEqualTo(2);
        assertThat(jdbc.sql("select status from import_file where post_id = ?")
                        .param(post.id())
                        .query(String.class)
                        .single())
                .isEqualTo("COMMITTED");
    }

    @Test
    void withoutCommitOnlyThePreviewIsAnsweredAndNobodyIsAdded() throws Exception {
        Post post = data.post();
        String csv = "ID,Family name,Category\nR1,Rahimi,LES\n";

        HttpResponse<String> answer =
                upload(data.user(Role.MANAGEMENT, Classification.UNCLASSIFIED, post), post, csv, false);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).contains("\"importId\"");
        assertThat(count("person", post)).isZero();
    }

    @Test
    void aMemberWithoutAnImportingRoleIsRefusedAndNothingIsStored() throws Exception {
        Post post = data.post();

        HttpResponse<String> answer = upload(
                data.user(Role.WARDEN, Classification.UNCLASSIFIED, post),
                post,
                "ID,Family name,Category\nR1,A,LES\n",
                true);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(count("import_file", post)).isZero();
    }

    long count(String table, Post post) {
        return jdbc.sql("select count(*) from " + table + " where post_id = ?")
                .param(post.id())
                .query(Long.class)
                .single();
    }

    HttpResponse<String> upload(String username, Post post, String csv, boolean commit) throws Exception {
        String token = tokens.create(accounts.idOf(username).orElseThrow(), "test");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, "source", null, "HR list".getBytes(StandardCharsets.UTF_8));
        part(body, "commit", null, String.valueOf(commit).getBytes(StandardCharsets.UTF_8));
        part(body, "file", "staff.csv", csv.getBytes(StandardCharsets.UTF_8));
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/posts/" + post.code() + "/imports"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static void part(ByteArrayOutputStream body, String name, String filename, byte[] value) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/csv")
                + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(value);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
