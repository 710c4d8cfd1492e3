package org.muster.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.MusterApplication;
import org.muster.SignedInClient;
import org.muster.posts.NewPost;
import org.muster.posts.PostKind;
import org.muster.posts.Posts;
import org.muster.security.NewUser;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.database.EmbeddedDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Muster nodes serving one PostgreSQL, as behind a load balancer: a session made on one node is
 * accepted by the other, and scheduled work runs once per slot however many nodes try.
 */
class TwoNodesIntegrationTests {
    @TempDir
    static Path dir;

    static EmbeddedDatabase database;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() {
        database = EmbeddedDatabase.start(java.util.Optional.of(dir.resolve("shared-postgres")));
        nodeA = node();
        nodeB = node();
    }

    static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(MusterApplication.class)
                .run(
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--server.port=0",
                        "--muster.security.bcrypt-strength=4",
                        "--muster.audit.watch-interval=PT1S",
                        "--muster.audit.watch-initial-delay=PT0S",
                        "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        database.close();
    }

    static String url(ConfigurableApplicationContext node) {
        return "http://localhost:"
                + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void aLoginMadeOnOneNodeIsAcceptedByTheOther() {
        var post = nodeA.getBean(Posts.class)
                .create(new NewPost("NODE", "Two-node post", PostKind.EMBASSY, "Testland", "UTC"));
        nodeA.getBean(UserAccounts.class)
                .create(new NewUser(
                        "two-nodes",
                        "Two Nodes",
                        "correct-horse-battery",
                        java.util.Set.of(Role.CONSULAR),
                        Classification.SBU,
                        java.util.Set.of(post.id()),
                        false));
        SignedInClient onA = new SignedInClient(url(nodeA));
        assertThat(onA.signIn("two-nodes", "correct-horse-battery").statusCode())
                .isEqualTo(302);

        SignedInClient onB = new SignedInClient(url(nodeB), onA.cookies());
        var page = onB.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Two-node post");
        assertThat(new SignedInClient(url(nodeB)).get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aJobRunsOncePerSlotWhenBothNodesTryAtOnce() throws Exception {
        ClusterJobs jobsA = nodeA.getBean(ClusterJobs.class);
        ClusterJobs jobsB = nodeB.getBean(ClusterJobs.class);
        AtomicInteger runs = new AtomicInteger();
        for (int slot = 0; slot < 5; slot++) {
            CountDownLatch start = new CountDownLatch(1);
            String job = "race-" + slot;
            var a = CompletableFuture.supplyAsync(() -> awaitThen(
                    start,
                    () -> jobsA.runOncePerSlot(job, Duration.ofHours(1), () -> {
                        runs.incrementAndGet();
                        return "ran on A";
                    })));
            var b = CompletableFuture.supplyAsync(() -> awaitThen(
                    start,
                    () -> jobsB.runOncePerSlot(job, Duration.ofHours(1), () -> {
                        runs.incrementAndGet();
                        return "ran on B";
                    })));
            start.countDown();
            assertThat(a.get() ^ b.get()).as("exactly one node ran " + job).isTrue();
        }
        assertThat(runs.get()).isEqualTo(5);
    }

    @Test
    void theScheduledAuditCheckRunsOncePerIntervalAcrossNodes() throws Exception {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        Thread.sleep(3500);

        var runs = jdbc.sql("select slot, count(*) from job_run where job = 'audit-verify' group by slot")
                .query((rs, n) -> rs.getLong(2))
                .list();
        long checks = jdbc.sql("select count(*) from audit_entry where action = 'audit.verified'")
                .query(Long.class)
                .single();

        assertThat(runs).hasSizeGreaterThanOrEqualTo(2).allMatch(count -> count == 1);
        assertThat(checks).isEqualTo(runs.size());
    }

    private static boolean awaitThen(CountDownLatch latch, java.util.function.BooleanSupplier work) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return work.getAsBoolean();
    }
}
