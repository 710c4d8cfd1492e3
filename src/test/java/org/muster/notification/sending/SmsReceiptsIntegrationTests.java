package org.muster.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.notification.Channel;
import org.muster.notification.DeliveryStatus;
import org.muster.notification.Language;
import org.muster.notification.Recipient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SMS gateway's delivery receipts: by the reference sent with each SMS, over real HTTP. */
@SendingIntegrationTest
class SmsReceiptsIntegrationTests {
    static final String TOKEN = SendingIntegrationTest.SMS_RECEIPT_TOKEN;

    @LocalServerPort
    int port;

    @Autowired
    Queued queued;

    @Autowired
    Sender sender;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void answerOkAgain() {
        TestServers.sms.answer = r -> new TestServers.SmsGateway.Answer(200, "ok");
    }

    record Answer(int status, JsonNode body) {}

    @Test
    void aDeliveredReceiptMarksTheSmsDeliveredOnceAndIsAudited() throws Exception {
        long message = sentSms(2);
        List<Queued.Row> rows = queued.deliveries(message);
        Queued.Row first = rows.get(0);

        Answer answer = post(TOKEN, "{\"reference\": \"" + first.id() + "\", \"status\": \"DELIVERED\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("delivered").asInt()).isEqualTo(1);
        assertThat(answer.body().get("unchanged").asInt()).isZero();
        assertThat(status(first.id())).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(deliveredAt(first.id())).isNotNull();
        assertThat(status(rows.get(1).id())).as("the other SMS").isEqualTo(DeliveryStatus.SENT);
        assertThat(audited(message)).isEqualTo(1);
        assertThat(jdbc.sql("select a.actor from audit_entry a join message m on m.post_id = a.post_id"
                                + " where m.id = ? and a.action = 'sms.receipts'")
                        .param(message)
                        .query(String.class)
                        .single())
                .isEqualTo("SMS gateway");

        Answer again = post(TOKEN, "{\"reference\": \"" + first.id() + "\", \"status\": \"delivered\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("delivered").asInt()).isZero();
        assertThat(again.body().get("unchanged").asInt()).isEqualTo(1);
        assertThat(status(first.id())).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(audited(message)).as("nothing changed, nothing audited").isEqualTo(1);
    }

    @Test
    void aFailureReceiptFailsASentSmsWithTheGatewaysReasonButNeverUndoesDelivered() throws Exception {
        long message = sentSms(3);
        List<Queued.Row> rows = queued.deliveries(message);
        UUID absent = rows.get(0).id();
        UUID reached = rows.get(1).id();
        UUID outOfOrder = rows.get(2).id();

        Answer answer = post(
                TOKEN,
                "[" + receipt(absent, "undelivered", "absent subscriber") + ","
                        + receipt(reached, "delivered", null) + ","
                        + receipt(reached, "failed", "late report") + ","
                        + receipt(outOfOrder, "failed", "network timeout") + ","
                        + receipt(outOfOrder, "delivered", null) + ","
                        + receipt(absent, "accepted", null) + "]");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("delivered").asInt()).isEqualTo(2);
        assertThat(answer.body().get("failed").asInt()).isEqualTo(1);
        assertThat(answer.body().get("unchanged").asInt()).isEqualTo(3);
        assertThat(status(absent)).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failure(absent)).isEqualTo("the gateway reported undelivered: absent subscriber");
        assertThat(status(reached)).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(status(outOfOrder)).as("the phone's word wins").isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(failure(outOfOrder)).isNull();

        post(TOKEN, receipt(reached, "expired", null));
        assertThat(status(reached)).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aDeliveredReceiptForAnSmsWaitingForItsRetryEndsItAndFinishesItsMessage() throws Exception {
        String phone = SmsSendingIntegrationTests.phone();
        TestServers.sms.answer = r -> r.body().contains(phone)
                ? new TestServers.SmsGateway.Answer(503, "busy")
                : new TestServers.SmsGateway.Answer(200, "ok");
        long message =
                queued.message(Set.of(Channel.SMS), List.of(new Recipient(null, Channel.SMS, phone, Language.ENGLISH)));
        for (int round = 0; round < 100 && queued.deliveries(message).get(0).attempts() == 0; round++) {
            sender.sendOnce(Channel.SMS, "test/0");
        }
        Queued.Row waiting = queued.deliveries(message).get(0);
        assertThat(waiting.status()).as("the gateway was busy: a retry is due").isEqualTo(DeliveryStatus.QUEUED);
        TestServers.sms.answer = r -> new TestServers.SmsGateway.Answer(200, "ok");

        Answer answer = post(TOKEN, receipt(waiting.id(), "delivered", null));

        assertThat(answer.body().get("delivered").asInt()).isEqualTo(1);
        assertThat(status(waiting.id())).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(jdbc.sql("select sending_finished_at is not null from message where id = ?")
                        .param(message)
                        .query(Boolean.class)
                        .single())
                .as("its message's sending is over")
                .isTrue();
        assertThat(jdbc.sql("select count(*) from audit_entry a join message m on m.post_id = a.post_id"
                                + " where m.id = ? and a.action = 'notification.finished'")
                        .param(message)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        Thread.sleep(500);
        sender.sendOnce(Channel.SMS, "test/0");
        assertThat(SmsSendingIntegrationTests.requests(phone))
                .as("not sent again")
                .hasSize(1);
    }

    @Test
    void aFailureReceiptThatOvertakesTheSendersOwnRecordWins() throws Exception {
        String phone = SmsSendingIntegrationTests.phone();
        long message =
                queued.message(Set.of(Channel.SMS), List.of(new Recipient(null, Channel.SMS, phone, Language.ENGLISH)));
        UUID id = queued.deliveries(message).get(0).id();
        // a sender holds it, has posted it, and the gateway refuses before the sender writes SENT
        jdbc.sql(
                        "update delivery set status = 'SENDING', claimed_by = 'test/9', lease_until = now() + interval '1 minute'"
                                + " where id = ?")
                .param(id)
                .update();

        Answer answer = post(TOKEN, receipt(id, "rejected", "blocked number"));
        int recorded = queue.record(
                "test/9", List.of(new DeliveryQueue.Outcome(id, "SENT", null, null)), java.time.Instant.now());

        assertThat(answer.body().get("failed").asInt()).isEqualTo(1);
        assertThat(recorded).as("the sender's write leaves it").isZero();
        assertThat(status(id)).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failure(id)).isEqualTo("the gateway reported rejected: blocked number");
    }

    @Test
    void aBadReceiptRefusesTheWholeBatchNamingItAndChangesNothing() throws Exception {
        long message = sentSms(1);
        UUID sent = queued.deliveries(message).get(0).id();

        Answer badReference = post(
                TOKEN,
                "[" + receipt(sent, "delivered", null) + ", {\"reference\": \"12345\","
                        + " \"status\": \"delivered\"}]");
        Answer badStatus =
                post(TOKEN, "[" + receipt(sent, "delivered", null) + ", " + receipt(sent, "read", null) + "]");
        Answer notJson = post(TOKEN, "reference=" + sent + "&status=delivered");

        assertThat(badReference.status()).isEqualTo(400);
        assertThat(badReference.body().get("errors").get(0).get("field").asString())
                .isEqualTo("[1].reference");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().get("errors").get(0).get("field").asString())
                .isEqualTo("[1].status");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(status(sent)).isEqualTo(DeliveryStatus.SENT);
        assertThat(audited(message)).isZero();
    }

    @Test
    void unknownReferencesAndOtherChannelsAreListedBackAndAWrongAddressIsRefused() throws Exception {
        long message = sentSms(1);
        UUID sent = queued.deliveries(message).get(0).id();
        UUID nobody = UUID.randomUUID();
        long email = queued.message(
                Set.of(Channel.EMAIL),
                List.of(new Recipient(null, Channel.EMAIL, "someone@example.org", Language.ENGLISH)));
        UUID notice = queued.deliveries(email).get(0).id();

        Answer wrongToken = post("not-the-token", receipt(sent, "delivered", null));
        // a gateway that adds a bearer header of its own is still heard by the address's secret
        Answer withBearer = post(
                TOKEN, receipt(sent, "accepted", null), HttpRequest.newBuilder().header("Authorization", "Bearer abc"));
        Answer unknown =
                post(TOKEN, "[" + receipt(nobody, "delivered", null) + ", " + receipt(notice, "failed", "x") + "]");

        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(withBearer.status()).isEqualTo(200);
        assertThat(withBearer.body().get("unchanged").asInt()).isEqualTo(1);
        assertThat(status(sent)).isEqualTo(DeliveryStatus.SENT);
        assertThat(unknown.status()).isEqualTo(200);
        List<String> listed = new java.util.ArrayList<>();
        unknown.body().get("unknown").forEach(n -> listed.add(n.asString()));
        assertThat(listed).containsExactly(nobody.toString(), notice.toString());
        assertThat(unknown.body().get("delivered").asInt()).isZero();
        assertThat(unknown.body().get("failed").asInt()).isZero();
        assertThat(status(notice)).as("an e-mail, not an SMS").isEqualTo(DeliveryStatus.QUEUED);
    }

    /** A message with {@code count} SMS recipients, sent to the loopback gateway (each SENT). */
    private long sentSms(int count) {
        List<Recipient> recipients = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new Recipient(null, Channel.SMS, SmsSendingIntegrationTests.phone(), Language.ENGLISH))
                .toList();
        long message = queued.message(Set.of(Channel.SMS), recipients);
        Drain.channel(sender, queued, message, Channel.SMS);
        assertThat(queued.deliveries(message)).allMatch(r -> r.status() == DeliveryStatus.SENT);
        return message;
    }

    private static String receipt(UUID reference, String status, String error) {
        return "{\"reference\": \"" + reference + "\", \"status\": \"" + status + "\""
                + (error == null ? "" : ", \"error\": \"" + error + "\"") + "}";
    }

    private Answer post(String token, String body) throws IOException, InterruptedException {
        return post(token, body, HttpRequest.newBuilder());
    }

    private Answer post(String token, String body, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request.uri(URI.create("http://localhost:" + port + "/sms/receipts/" + token))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body()));
    }

    private DeliveryStatus status(UUID id) {
        return DeliveryStatus.valueOf(jdbc.sql("select status from delivery where id = ?")
                .param(id)
                .query(String.class)
                .single());
    }

    private String failure(UUID id) {
        return jdbc.sql("select failure from delivery where id = ?")
                .param(id)
                .query((rs, n) -> rs.getString(1))
                .list()
                .get(0);
    }

    private OffsetDateTime deliveredAt(UUID id) {
        return jdbc.sql("select delivered_at from delivery where id = ?")
                .param(id)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .list()
                .get(0);
    }

    private long audited(long message) {
        return jdbc.sql("select count(*) from audit_entry a join message m on m.post_id = a.post_id"
                        + " where m.id = ? and a.action = 'sms.receipts'")
                .param(message)
                .query(Long.class)
                .single();
    }
}
