package org.muster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.muster.MusterApplication;
import org.muster.MusterIntegrationTest;
import org.muster.cli.MusterCommandLine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The demo on a database of its own (created on the test server): loaded by {@code demo load} from the
 * command line, and a server with {@code muster.demo=true} stopped before and while it starts Kabul's
 * roll-call and messages.
 */
@MusterIntegrationTest
class DemoStartAndStopIntegrationTests {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Autowired
    HikariDataSource testDatabase;

    /** A new, empty database on the test server; its JDBC URL. */
    String newDatabase() throws Exception {
        String name = "demo_start_stop_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = testDatabase.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        String url = testDatabase.getJdbcUrl();
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    static JdbcClient jdbc(String url) {
        return JdbcClient.create(new DriverManagerDataSource(url));
    }

    static ConfigurableApplicationContext demoServer(String url) {
        return new SpringApplicationBuilder(MusterApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + url,
                        "--muster.demo=true",
                        "--muster.security.bcrypt-strength=4",
                        "--muster.audit.watch-initial-delay=PT1H",
                        "--muster.notification.sending.enabled=false",
                        "--spring.main.banner-mode=off");
    }

    record UnderWay(long rollCalls, long messages) {}

    static UnderWay underWayAtKabul(JdbcClient jdbc) {
        return jdbc.sql("""
                        select (select count(*) from roll_call r where r.post_id = p.id) roll_calls,
                               (select count(*) from message m where m.post_id = p.id) messages
                        from post p where p.code = 'KBL'
                        """).query(UnderWay.class).single();
    }

    @Test
    void demoLoadFromTheCommandLineLoadsTheDemoAndStartsKabulsRollCallOnceHoweverOftenItRuns() throws Exception {
        String url = newDatabase();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = {"demo", "load", "--spring.datasource.url=" + url, "--muster.security.bcrypt-strength=4"};

        int first = MusterCommandLine.run(
                MusterApplication.class, args, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(first).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains(
                        "Demo loaded: posts KBL and MZR with their accounts; Kabul's roll-call and messages under way.");
        JdbcClient jdbc = jdbc(url);
        assertThat(jdbc.sql("select string_agg(code, ',' order by code) from post")
                        .query(String.class)
                        .single())
                .isEqualTo("KBL,MZR");
        long people = jdbc.sql("select count(*) from person").query(Long.class).single();
        assertThat(people).isGreaterThan(1000);
        assertThat(underWayAtKabul(jdbc)).isEqualTo(new UnderWay(1, 2));

        StringWriter again = new StringWriter();
        int second = MusterCommandLine.run(
                MusterApplication.class, args, new PrintWriter(again, true), new PrintWriter(err, true));

        assertThat(second).as(err.toString()).isZero();
        assertThat(again.toString()).contains("The demo is already loaded; nothing changed.");
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single())
                .isEqualTo(people);
        assertThat(underWayAtKabul(jdbc)).isEqualTo(new UnderWay(1, 2));
    }

    @Test
    void aServerStoppedBeforeTheDelayStartsNothingAndOneStoppedDuringTheTransactionLetsItCommit() throws Exception {
        String url = newDatabase();
        JdbcClient jdbc = jdbc(url);

        // stopped at once: the demo is loaded before the server is ready, nothing of what follows starts
        ConfigurableApplicationContext first = demoServer(url);
        DemoUnderWay firstUnderWay = first.getBean(DemoUnderWay.class);
        first.close();
        assertThat(firstUnderWay.awaitDone(Duration.ZERO))
                .as("the work after start-up is over once the server has stopped")
                .isTrue();
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single())
                .isGreaterThan(1000);
        assertThat(underWayAtKabul(jdbc)).isEqualTo(new UnderWay(0, 0));

        // stopped while its transaction waits on the lock that serialises nodes: it finishes, then the server stops
        try (Connection holder = DriverManager.getConnection(url);
                Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("select pg_advisory_xact_lock(hashtext('muster demo under way'))");
            ConfigurableApplicationContext second = demoServer(url);
            DemoUnderWay secondUnderWay = second.getBean(DemoUnderWay.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (jdbc.sql("""
                                    select count(*) from pg_locks where locktype = 'advisory' and not granted
                                      and database = (select oid from pg_database where datname = current_database())
                                    """).query(Long.class).single() == 0) {
                assertThat(System.nanoTime())
                        .as("the demo's transaction waits on the lock")
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(second::close);
            Thread.sleep(300);
            assertThat(stopping)
                    .as("stopping waits for the transaction under way")
                    .isNotDone();
            holder.commit();
            stopping.get(60, TimeUnit.SECONDS);
            assertThat(secondUnderWay.awaitDone(Duration.ZERO)).isTrue();
        }
        assertThat(underWayAtKabul(jdbc)).isEqualTo(new UnderWay(1, 2));
    }
}
