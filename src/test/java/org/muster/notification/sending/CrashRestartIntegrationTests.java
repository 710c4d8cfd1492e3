package org.muster.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.notification.Channel;
import org.muster.notification.DeliveryStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kill -9 mid-send and restart: Muster runs as a child process on this test's database and GreenMail,
 * is killed while sending 3,000 e-mails, and a second process finishes the job. No recipient may be
 * missed; a second copy may arise only for a delivery in flight at the kill, carries the same
 * Message-ID, and is counted in {@code resent_in_flight}.
 */
@SendingIntegrationTest
class CrashRestartIntegrationTests {
    private static final int RECIPIENTS = 3_000;

    @Autowired
    Queued queued;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(p -> p.toHandle().destroyForcibly());
    }

    @Test
    void killingTheProcessMidSendAndRestartingMissesNoRecipientAndCountsEveryPossibleSecondCopy() throws Exception {
        String tag = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        long message = queued.message(Set.of(Channel.EMAIL), Queued.emails(tag, RECIPIENTS));

        // The first process sends at 300 a second, so the kill comes with most still to send.
        Process first = start(1, "--muster.notification.rate.email=300");
        await(
                () -> SenderThreadsIntegrationTests.received(tag) >= 600 && sending(message) > 0,
                first,
                "the first process to have sent 600 e-mails with more in flight");
        first.toHandle().destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long atKill = SenderThreadsIntegrationTests.received(tag);
        long inFlightAtKill = sending(message);
        assertThat(atKill).isLessThan(RECIPIENTS);

        Process second = start(2);
        await(() -> queued.open(message) == 0, second, "the second process to finish the message");
        second.destroy(); // a clean stop this time
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<Queued.Row> rows = queued.deliveries(message);
        Map<String, Queued.Row> byAddress = rows.stream().collect(Collectors.toMap(Queued.Row::address, r -> r));
        Map<String, List<String>> copies = new HashMap<>();
        for (MimeMessage m : TestServers.mail.getReceivedMessages()) {
            String to = EmailSendingIntegrationTests.to(m);
            if (to.startsWith(tag + "-")) {
                copies.computeIfAbsent(to, k -> new ArrayList<>()).add(m.getMessageID());
            }
        }
        assertThat(rows).extracting(Queued.Row::status).containsOnly(DeliveryStatus.SENT);
        assertThat(copies.keySet()).as("every recipient received the message").isEqualTo(byAddress.keySet());
        copies.forEach((address, ids) -> assertThat(ids)
                .as("every copy to %s carries its delivery's Message-ID", address)
                .containsOnly("<" + byAddress.get(address).id() + "@muster>"));
        List<String> twice = copies.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .toList();
        long counted = rows.stream().filter(r -> r.resentInFlight() > 0).count();
        assertThat(twice)
                .as("a second copy only for a delivery counted as resent in flight")
                .allSatisfy(address ->
                        assertThat(byAddress.get(address).resentInFlight()).isPositive());
        assertThat((long) twice.size()).isLessThanOrEqualTo(counted);
        assertThat(counted)
                .as("no more counted than were in flight at the kill")
                .isLessThanOrEqualTo(inFlightAtKill);
        System.out.printf(
                "crash test: %d received before the kill, %d in flight at the kill, %d counted as resent, %d received twice%n",
                atKill, inFlightAtKill, counted, twice.size());
    }

    private long sending(long message) {
        return jdbc.sql("select count(*) from delivery where message_id = ? and status = 'SENDING'")
                .param(message)
                .query(Long.class)
                .single();
    }

    /** Muster as a child process on this test's database and mail server, its output in target/. */
    private Process start(int run, String... extra) throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "org.muster.MusterApplication",
                "--spring.datasource.url="
                        + dataSource.unwrap(HikariDataSource.class).getJdbcUrl(),
                "--server.port=0",
                "--muster.demo=false",
                "--spring.main.banner-mode=off",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestServers.mail.getSmtp().getPort(),
                "--muster.notification.sending.enabled=true",
                "--muster.notification.lease=PT5S",
                "--muster.notification.sweep-interval=PT1S",
                "--muster.notification.mail-from=muster@post.example",
                "--muster.notification.public-url=https://muster.example/",
                "--muster.audit.watch-initial-delay=PT1H",
                "--muster.decision-points.escalation-initial-delay=PT1H"));
        command.addAll(List.of(extra));
        Path log = Files.createDirectories(Path.of("target")).resolve("crash-test-process-" + run + ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        children.add(p);
        return p;
    }

    private static void await(java.util.function.BooleanSupplier done, Process child, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!done.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new AssertionError("the Muster process ended (" + child.exitValue() + ") before " + what
                        + "; see target/crash-test-process-*.log");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 240 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
