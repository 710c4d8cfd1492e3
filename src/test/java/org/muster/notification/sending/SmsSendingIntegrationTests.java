package org.muster.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.notification.Channel;
import org.muster.notification.DeliveryStatus;
import org.muster.notification.Language;
import org.muster.notification.Recipient;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SMS through the loopback gateway: the request, the reference, retries, refusals, giving up. */
@SendingIntegrationTest
class SmsSendingIntegrationTests {
    @Autowired
    org.muster.TestData data;

    @Autowired
    Queued queued;

    @Autowired
    Sender sender;

    @Autowired
    JsonMapper json;

    @AfterEach
    void answerOkAgain() {
        TestServers.sms.answer = r -> new TestServers.SmsGateway.Answer(200, "ok");
    }

    @Test
    void anSmsIsPostedAsTheTemplateSaysWithTheDeliveryIdAsItsReference() {
        String phone = phone();
        long post = data.post().id();
        long message = queued.message(
                post,
                Set.of(Channel.SMS),
                List.of(new Recipient(queued.person(post), Channel.SMS, phone, Language.DARI)));

        Drain.channel(sender, queued, message, Channel.SMS);

        Queued.Row row = queued.deliveries(message).get(0);
        List<TestServers.Received> requests = requests(phone);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).contentType()).isEqualTo("application/json");
        JsonNode body = json.readTree(requests.get(0).body());
        assertThat(body.get("to").asString()).isEqualTo(phone);
        assertThat(body.get("reference").asString()).isEqualTo(row.id().toString());
        assertThat(body.get("text").asString())
                .startsWith("در جای امن بمانید\nدر خانه بمانید. پاسخ دهید: https://muster.example/r/")
                .endsWith(" با تشکر");
        assertThat(row.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(row.attempts()).isEqualTo(1);
    }

    @Test
    void aGatewayErrorIsRetriedAfterABackOffAndARefusalFailsWithTheGatewaysReason() {
        String flaky = phone();
        String refused = phone();
        AtomicInteger flakyCalls = new AtomicInteger();
        TestServers.sms.answer = r -> {
            if (r.body().contains(refused)) {
                return new TestServers.SmsGateway.Answer(400, "{\"error\":\"invalid number\"}");
            }
            // counted for this number only: a round may also send other tests' queued deliveries
            if (!r.body().contains(flaky)) {
                return new TestServers.SmsGateway.Answer(200, "ok");
            }
            return flakyCalls.incrementAndGet() == 1
                    ? new TestServers.SmsGateway.Answer(500, "try later")
                    : new TestServers.SmsGateway.Answer(200, "ok");
        };
        long message = queued.message(
                Set.of(Channel.SMS),
                List.of(
                        new Recipient(null, Channel.SMS, flaky, Language.ENGLISH),
                        new Recipient(null, Channel.SMS, refused, Language.ENGLISH)));

        Drain.channel(sender, queued, message, Channel.SMS);

        Queued.Row flakyRow = row(message, flaky);
        assertThat(flakyRow.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(flakyRow.attempts()).isEqualTo(2);
        List<TestServers.Received> tries = requests(flaky);
        assertThat(tries).hasSize(2);
        assertThat(tries.get(0).body())
                .isEqualTo(tries.get(1).body())
                .contains(flakyRow.id().toString());
        // retry-base is 0.2 s with jitter of 0.5 to 1: the second try waits at least 0.1 s
        assertThat(tries.get(1).nanos() - tries.get(0).nanos()).isGreaterThanOrEqualTo(100_000_000L);

        Queued.Row refusedRow = row(message, refused);
        assertThat(refusedRow.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(refusedRow.attempts()).isEqualTo(1);
        assertThat(refusedRow.failure()).isEqualTo("gateway answered 400: {\"error\":\"invalid number\"}");
    }

    @Test
    void aDeliveryThatKeepsFailingGivesUpAfterTheMaximumAttemptsWithTheLastReason() {
        String phone = phone();
        TestServers.sms.answer = r -> new TestServers.SmsGateway.Answer(503, "maintenance");
        long message =
                queued.message(Set.of(Channel.SMS), List.of(new Recipient(null, Channel.SMS, phone, Language.ENGLISH)));

        Drain.channel(sender, queued, message, Channel.SMS);

        Queued.Row row = queued.deliveries(message).get(0);
        assertThat(requests(phone)).hasSize(3);
        assertThat(row.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(row.failure()).isEqualTo("gave up after 3 attempts; last: gateway answered 503: maintenance");
    }

    private Queued.Row row(long message, String address) {
        return queued.deliveries(message).stream()
                .filter(r -> r.address().equals(address))
                .findFirst()
                .orElseThrow();
    }

    static List<TestServers.Received> requests(String phone) {
        return TestServers.sms.received.stream()
                .filter(r -> r.body().contains(phone))
                .toList();
    }

    static String phone() {
        return "+93" + (700_000_000L + ThreadLocalRandom.current().nextLong(99_999_999L));
    }
}
