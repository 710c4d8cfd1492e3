package org.muster.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.notification.Channel;
import org.muster.notification.DeliveryStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Several sender threads on one queue: each delivery sent once; a clean stop leaves nothing claimed. */
@SendingIntegrationTest
class SenderThreadsIntegrationTests {
    @Autowired
    Queued queued;

    @Autowired
    SenderThreads threads;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void stopThreads() {
        threads.stop();
    }

    @Test
    void fourSenderThreadsSendEachOfTwoThousandEmailsExactlyOnce() {
        String tag = "many-" + UUID.randomUUID().toString().substring(0, 8);
        long message = queued.message(Set.of(Channel.EMAIL), Queued.emails(tag, 2_000));

        threads.start();
        await(() -> queued.open(message) == 0, "all 2,000 sent");
        threads.stop();

        List<Queued.Row> rows = queued.deliveries(message);
        assertThat(rows).extracting(Queued.Row::status).containsOnly(DeliveryStatus.SENT);
        assertThat(rows).extracting(Queued.Row::resentInFlight).containsOnly(0);
        assertThat(rows).extracting(Queued.Row::attempts).containsOnly(1);
        assertReceivedExactlyOnce(tag, rows);
    }

    @Test
    void aCleanStopLeavesNothingSendingAndTheRestIsSentOnceAfterARestart() {
        String tag = "stop-" + UUID.randomUUID().toString().substring(0, 8);
        long message = queued.message(Set.of(Channel.EMAIL), Queued.emails(tag, 1_500));

        threads.start();
        await(() -> received(tag) >= 100, "the first e-mails sent");
        threads.stop();

        assertThat(jdbc.sql("select count(*) from delivery where message_id = ? and status = 'SENDING'")
                        .param(message)
                        .query(Long.class)
                        .single())
                .isZero();
        threads.start();
        await(() -> queued.open(message) == 0, "the rest sent");
        threads.stop();

        List<Queued.Row> rows = queued.deliveries(message);
        assertThat(rows).extracting(Queued.Row::status).containsOnly(DeliveryStatus.SENT);
        assertThat(rows).extracting(Queued.Row::resentInFlight).containsOnly(0);
        assertReceivedExactlyOnce(tag, rows);
    }

    private static void assertReceivedExactlyOnce(String tag, List<Queued.Row> rows) {
        List<MimeMessage> received = Arrays.stream(TestServers.mail.getReceivedMessages())
                .filter(m -> EmailSendingIntegrationTests.to(m).startsWith(tag + "-"))
                .toList();
        assertThat(received).hasSize(rows.size());
        Map<String, String> idByAddress =
                rows.stream().collect(Collectors.toMap(Queued.Row::address, r -> "<" + r.id() + "@muster>"));
        Map<String, MimeMessage> byAddress =
                received.stream().collect(Collectors.toMap(EmailSendingIntegrationTests::to, Function.identity()));
        assertThat(byAddress.keySet()).isEqualTo(idByAddress.keySet());
        byAddress.forEach((address, m) -> {
            try {
                assertThat(m.getMessageID()).isEqualTo(idByAddress.get(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        });
    }

    static long received(String tag) {
        return Arrays.stream(TestServers.mail.getReceivedMessages())
                .filter(m -> EmailSendingIntegrationTests.to(m).startsWith(tag + "-"))
                .count();
    }

    static void await(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 120 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
