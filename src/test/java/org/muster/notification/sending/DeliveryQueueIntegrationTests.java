package org.muster.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.notification.Channel;
import org.muster.notification.DeliveryStatus;
import org.muster.notification.Language;
import org.muster.notification.Recipient;
import org.muster.people.Category;
import org.muster.people.NewPerson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The queue's leases and the shared rate limit. */
@SendingIntegrationTest
class DeliveryQueueIntegrationTests {
    @Autowired
    Queued queued;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    ChannelRates rates;

    @Autowired
    Sender sender;

    @Autowired
    SenderThreads threads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.muster.TestData data;

    @Autowired
    org.muster.people.PeopleRegistry registry;

    @Autowired
    Clock clock;

    @AfterEach
    void stopThreads() {
        threads.stop();
    }

    @Test
    void aDeliveryWhoseLeaseRanOutIsQueuedAgainAndCountedAsPossiblySentTwice() throws Exception {
        String tag = "lease-" + UUID.randomUUID().toString().substring(0, 8);
        long message = queued.message(Set.of(Channel.EMAIL), Queued.emails(tag, 3));
        List<DeliveryQueue.Claimed> lost =
                queue.claim(Channel.EMAIL, "dead/0", 2, 0, clock.instant(), Duration.ofMillis(1));
        List<DeliveryQueue.Claimed> held =
                queue.claim(Channel.EMAIL, "alive/0", 1, 0, clock.instant(), Duration.ofHours(1));
        assertThat(lost).hasSize(2);
        assertThat(held).hasSize(1);
        Thread.sleep(20);

        assertThat(queue.requeueExpired(clock.instant())).isEqualTo(2);
        assertThat(queue.requeueExpired(clock.instant())).isZero();

        for (DeliveryQueue.Claimed c : lost) {
            Queued.Row row = row(message, c.id());
            assertThat(row.status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(row.resentInFlight()).isEqualTo(1);
            assertThat(row.attempts()).isEqualTo(1);
        }
        assertThat(row(message, held.get(0).id()).status()).isEqualTo(DeliveryStatus.SENDING);
        // The lost sender's late outcome no longer counts: the deliveries are someone else's now.
        List<DeliveryQueue.Outcome> late = new ArrayList<>();
        lost.forEach(c -> late.add(new DeliveryQueue.Outcome(c.id(), "FAILED", "late", null)));
        assertThat(queue.record("dead/0", late, clock.instant())).isZero();

        // A stopping node puts back what it holds, counted the same way.
        assertThat(queue.release("alive/", clock.instant())).isEqualTo(1);
        Drain.email(sender, queued, message);
        assertThat(queued.deliveries(message)).extracting(Queued.Row::status).containsOnly(DeliveryStatus.SENT);
        assertThat(queued.deliveries(message))
                .extracting(Queued.Row::resentInFlight)
                .containsOnly(1);
        assertThat(SenderThreadsIntegrationTests.received(tag)).isEqualTo(3);
    }

    @Test
    void anInAppDeliveryWhoseLeaseRanOutIsQueuedAgainWithoutCountingACopy() throws Exception {
        long post = data.post().id();
        registry.addAll(
                post,
                List.of(new NewPerson("Ahmad", "Karimi", Category.LOCALLY_EMPLOYED_STAFF, "AF", null, null)),
                "a test");
        long person = jdbc.sql("select id from person where post_id = ?")
                .param(post)
                .query(Long.class)
                .single();
        long message = queued.message(
                post, Set.of(Channel.IN_APP), List.of(new Recipient(person, Channel.IN_APP, null, Language.ENGLISH)));
        queue.claim(Channel.IN_APP, "dead/0", 1, 0, clock.instant(), Duration.ofMillis(1));
        Thread.sleep(20);

        queue.requeueExpired(clock.instant());

        Queued.Row row = queued.deliveries(message).get(0);
        assertThat(row.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(row.resentInFlight()).isZero();
    }

    @Test
    void theBucketGrantsItsRatePerSecondAtMostOneSecondsWorthAtOnce() {
        Instant t0 = Instant.parse("2000-01-01T00:00:00Z");
        // IN_APP has no rate of its own, so no sender uses its bucket: this test has it alone.
        assertThat(rates.take(Channel.IN_APP, 100, 20, t0)).isEqualTo(20);
        assertThat(rates.take(Channel.IN_APP, 100, 20, t0)).isZero();
        assertThat(rates.take(Channel.IN_APP, 100, 20, t0.plusMillis(500))).isEqualTo(10);
        assertThat(rates.take(Channel.IN_APP, 3, 20, t0.plusMillis(550))).isEqualTo(1);
        // a clock behind the bucket's last refill (another node's) adds nothing
        assertThat(rates.take(Channel.IN_APP, 100, 20, t0)).isZero();
        rates.giveBack(Channel.IN_APP, 5, 20);
        assertThat(rates.take(Channel.IN_APP, 100, 20, t0.plusMillis(550))).isEqualTo(5);
        assertThat(rates.take(Channel.IN_APP, 100, 20, t0.plusSeconds(3600))).isEqualTo(20);
    }

    @Test
    void sendersTogetherKeepToTheChannelsRate() {
        // muster.notification.rate.sms is 40 a second in these tests. The gateway times requests, so
        // the HTTP client is warmed up first: its first requests in a JVM lag by a few hundred ms.
        long warmUp = queued.message(
                Set.of(Channel.SMS), List.of(new Recipient(null, Channel.SMS, "+93700000099", Language.ENGLISH)));
        Drain.channel(sender, queued, warmUp, Channel.SMS);
        List<Recipient> recipients = new ArrayList<>();
        String prefix = "+9379" + (System.nanoTime() % 100_000);
        for (int i = 0; i < 160; i++) {
            recipients.add(new Recipient(null, Channel.SMS, prefix + String.format("%04d", i), Language.ENGLISH));
        }
        long message = queued.message(Set.of(Channel.SMS), recipients);

        threads.start();
        SenderThreadsIntegrationTests.await(() -> queued.open(message) == 0, "all 160 SMS sent");
        threads.stop();

        List<Long> at = TestServers.sms.received.stream()
                .filter(r -> r.body().contains(prefix))
                .map(TestServers.Received::nanos)
                .sorted()
                .toList();
        assertThat(at).hasSize(160);
        // a full bucket (40) goes at once, the other 120 at 40 a second: at least 3 s in all
        assertThat(at.get(159) - at.get(0)).isGreaterThan(2_700_000_000L);
        // no second holds more than a full bucket and a second's refill (with 10% for scheduling)
        for (int i = 0; i < at.size(); i++) {
            int j = i;
            while (j < at.size() && at.get(j) - at.get(i) < 1_000_000_000L) {
                j++;
            }
            assertThat(j - i).as("requests within 1 s from request %d", i).isLessThanOrEqualTo(88);
        }
    }

    private Queued.Row row(long message, UUID id) {
        return queued.deliveries(message).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
