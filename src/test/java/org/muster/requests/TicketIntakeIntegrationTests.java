package org.muster.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.muster.requests.RequestsTestSupport.form;
import static org.muster.requests.RequestsTestSupport.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public intake form: tickets, references, the acknowledgement, refusals that write nothing. */
@MusterIntegrationTest
class TicketIntakeIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    Intake intake;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDariRequestBecomesATicketAndIsAcknowledgedInDariWithItsTrueStatus() {
        Post post = data.post();
        SignedInClient anonymous = new SignedInClient("http://localhost:" + port);

        var page = anonymous.get("/posts/" + post.code() + "/requests/new?lang=fa-AF");
        var sent = anonymous.postForm(
                "/posts/" + post.code() + "/requests/new?lang=fa-AF",
                form("fa-AF", Map.of("body", "ما چهار نفر هستیم. چگونه به میدان هوایی برسیم؟")));
        var confirmation = anonymous.get(
                sent.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, ""));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("dir=\"rtl\"")
                .contains("lang=\"fa-AF\"")
                .contains("از سفارت کمک بخواهید");
        assertThat(sent.statusCode()).isEqualTo(302);
        String reference = post.code() + "-" + java.time.Year.now(java.time.ZoneId.of("Asia/Kabul")) + "-000001";
        assertThat(confirmation.body()).contains(reference).contains("دریافت شده، هنوز بررسی نشده");
        var ticket = jdbc.sql("select * from ticket where reference = ?")
                .param(reference)
                .query()
                .singleRow();
        assertThat(ticket)
                .containsEntry("status", "RECEIVED")
                .containsEntry("channel", "FORM")
                .containsEntry("language", "fa-AF")
                .containsEntry("queue", "EVACUATION")
                .containsEntry("email", "farid@example.org")
                .containsEntry("first_read_at", null);
        assertThat(jdbc.sql("select kind from ticket_event where ticket_id = ?")
                        .param(ticket.get("id"))
                        .query(String.class)
                        .list())
                .containsExactly("RECEIVED");
        assertThat(jdbc.sql("select actor || ' ' || action from audit_entry where post_id = ?")
                        .param(post.id())
                        .query(String.class)
                        .list())
                .contains("public form ticket.received");

        var delivery = jdbc.sql(
                        "select d.*, m.to_public, m.classification from delivery d join message m on m.id = d.message_id"
                                + " where d.post_id = ?")
                .param(post.id())
                .query()
                .singleRow();
        assertThat(delivery)
                .containsEntry("channel", "EMAIL")
                .containsEntry("address", "farid@example.org")
                .containsEntry("language", "fa-AF")
                .containsEntry("person_id", null)
                .containsEntry("status", "QUEUED")
                .containsEntry("to_public", true)
                .containsEntry("classification", "UNCLASSIFIED");
        Map<String, String> bodies = texts((Long) delivery.get("message_id"));
        assertThat(bodies.get("fa-AF"))
                .contains(reference)
                .contains("وضعیت: دریافت شده، هنوز بررسی نشده")
                .contains("هنوز هیچ کسی درخواست شما را بررسی نکرده است");
        assertThat(bodies.get("en-US"))
                .contains("Status: received, not yet reviewed")
                .contains(reference);
        assertThat(bodies.get("ps-AF")).contains("حالت: ترلاسه شوې، لا نه ده بیاکتل شوې");
        assertThat(bodies.values())
                .as("no promise that is not true")
                .noneMatch(b -> b.contains("24") || b.toLowerCase().contains("within") || b.contains("logged"));
    }

    @Test
    void referencesRunOnPerPostAndARequestWithoutEmailIsNotAcknowledged() {
        Post post = data.post();
        Receipt first = intake.submit(post.code(), request("en-US", "a@example.org", null));
        Receipt second = intake.submit(post.code(), request("ps-AF", null, "+93 700 000 001"));

        assertThat(first.reference()).endsWith("-000001").startsWith(post.code() + "-");
        assertThat(second.reference()).endsWith("-000002");
        assertThat(first.acknowledgementQueued()).isTrue();
        assertThat(second.acknowledgementQueued()).isFalse();
        assertThat(second.statusText()).isEqualTo("ترلاسه شوې، لا نه ده بیاکتل شوې");
        assertThat(count("select count(*) from message where post_id = ?", post))
                .isEqualTo(1);
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        Post post = data.post();
        SignedInClient anonymous = new SignedInClient("http://localhost:" + port);
        String path = "/posts/" + post.code() + "/requests/new";
        long audit =
                jdbc.sql("select count(*) from audit_entry").query(Long.class).single();

        var noName = anonymous.postForm(path, form("en-US", Map.of("name", " ")));
        var badEmail = anonymous.postForm(path, form("en-US", Map.of("email", "farid-at-example")));
        var noContact = anonymous.postForm(path, form("en-US", Map.of("email", "", "phone", "")));
        var noQueue = anonymous.postForm(path, form("ps-AF", Map.of("queue", "")));
        var noBody = anonymous.postForm(path, form("fa-AF", Map.of("body", "")));

        assertThat(noName.body()).contains("(name: is required)").contains("Your full name");
        assertThat(badEmail.body()).contains("(email: is not an e-mail address");
        assertThat(noContact.body()).contains("(email: give an e-mail address or a phone number");
        assertThat(noQueue.body()).contains("(queue: choose one of").contains("ستاسو غوښتنه د څه په اړه ده؟");
        assertThat(noBody.body()).contains("(body: is required)").contains("پیام شما");
        assertThat(badEmail.body()).as("the form keeps what was typed").contains("value=\"farid-at-example\"");
        assertThatThrownBy(() -> intake.submit(post.code(), request("en-US", "a@example.org", "12")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("phone:");
        assertThatThrownBy(() -> intake.submit(post.code(), request("klingon", "a@example.org", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("language:");
        assertThat(count("select count(*) from ticket where post_id = ?", post)).isZero();
        assertThat(count("select count(*) from message where post_id = ?", post))
                .isZero();
        assertThat(count("select count(*) from ticket_counter where post_id = ?", post))
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry")
                        .query(Long.class)
                        .single())
                .isEqualTo(audit);
    }

    @Test
    void theFormNeedsItsCsrfTokenAndAnUnknownPostIsNotFound() throws Exception {
        Post post = data.post();
        HttpClient http = HttpClient.newHttpClient();
        String body = "language=en-US&name=A&email=a%40example.org&queue=ACS&subject=S&body=B";

        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/posts/" + post.code() + "/requests/new"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var unknown = new SignedInClient("http://localhost:" + port).get("/posts/NOPE/requests/new");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from ticket where post_id = ?", post)).isZero();
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private Map<String, String> texts(long messageId) {
        Map<String, String> bodies = new java.util.HashMap<>();
        List<Map<String, Object>> rows = jdbc.sql(
                        "select language, subject, body from message_text where message_id = ?")
                .param(messageId)
                .query()
                .listOfRows();
        rows.forEach(r -> bodies.put((String) r.get("language"), r.get("subject") + "\n" + r.get("body")));
        return bodies;
    }

    private long count(String sql, Post post) {
        return jdbc.sql(sql).param(post.id()).query(Long.class).single();
    }
}
