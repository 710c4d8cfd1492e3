package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Check-ins racing each other and the close, on real PostgreSQL transactions: the outcome must not
 * depend on which commits first.
 */
@MusterIntegrationTest
class CheckInConcurrencyIntegrationTests {
    @Autowired
    TestData data;

    @Autowired
    PeopleRegistry registry;

    @Autowired
    RollCalls rollCalls;

    @Autowired
    CheckIns checkIns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    record Scene(Post post, List<Long> people, RollCall rollCall, String rso, String gate) {}

    Scene scene(int people) {
        Post post = data.post();
        registry.addAll(
                post.id(),
                IntStream.range(0, people)
                        .mapToObj(i ->
                                new NewPerson("G" + i, "Racer", Category.US_DIRECT_HIRE, null, null, null, "Annex"))
                        .toList(),
                "a test");
        List<Long> ids = jdbc.sql("select id from person where post_id = ? order by id")
                .param(post.id())
                .query(Long.class)
                .list();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        String gate = data.user(Role.GATE, Classification.UNCLASSIFIED, post);
        RollCall rc = data.as(rso, () -> rollCalls.start(post.id(), "Race", null, null, null));
        return new Scene(post, ids, rc, rso, gate);
    }

    @Test
    void twoSourcesReportingOnePersonAtOnceEndInTheLaterReportAndBothAreKept() throws Exception {
        Scene s = scene(30);
        OffsetDateTime base = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        CyclicBarrier together = new CyclicBarrier(2);
        Map<Long, UUID> later = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> gate = pool.submit(() -> data.as(s.gate(), () -> {
                for (int round = 0; round < s.people().size(); round++) {
                    long person = s.people().get(round);
                    boolean gateIsLater = round % 2 == 0;
                    UUID id = UUID.randomUUID();
                    if (gateIsLater) {
                        later.put(person, id);
                    }
                    await(together);
                    checkIns.checkIn(
                            s.post().id(),
                            s.rollCall().id(),
                            new CheckIn(
                                    id,
                                    person,
                                    CheckInStatus.SAFE,
                                    CheckInChannel.GATE,
                                    base.plusSeconds(gateIsLater ? 2 : 1),
                                    null));
                }
                return null;
            }));
            Future<?> officer = pool.submit(() -> data.as(s.rso(), () -> {
                for (int round = 0; round < s.people().size(); round++) {
                    long person = s.people().get(round);
                    boolean officerIsLater = round % 2 == 1;
                    UUID id = UUID.randomUUID();
                    if (officerIsLater) {
                        later.put(person, id);
                    }
                    await(together);
                    checkIns.checkIn(
                            s.post().id(),
                            s.rollCall().id(),
                            new CheckIn(
                                    id,
                                    person,
                                    CheckInStatus.NEEDS_HELP,
                                    CheckInChannel.OFFICER,
                                    base.plusSeconds(officerIsLater ? 2 : 1),
                                    null));
                }
                return null;
            }));
            gate.get(2, TimeUnit.MINUTES);
            officer.get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        for (int round = 0; round < s.people().size(); round++) {
            long person = s.people().get(round);
            var member = jdbc.sql("select status, last_check_in, channel from roll_call_member"
                            + " where roll_call_id = ? and person_id = ?")
                    .params(s.rollCall().id(), person)
                    .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .single();
            assertThat(member.get(0)).as("round " + round).isEqualTo(round % 2 == 0 ? "SAFE" : "NEEDS_HELP");
            assertThat(member.get(1)).isEqualTo(later.get(person).toString());
            assertThat(count(
                            "select count(*) from check_in where roll_call_id = ? and person_id = ?",
                            s.rollCall().id(),
                            person))
                    .isEqualTo(2);
        }
    }

    @Test
    void eightClientsCheckingInDistinctPeopleAreAllCountedExactly() throws Exception {
        Scene s = scene(400);
        CheckInStatus[] statuses = {
            CheckInStatus.SAFE, CheckInStatus.NEEDS_HELP, CheckInStatus.NOT_AT_POST, CheckInStatus.DEPARTED
        };
        AtomicInteger replays = new AtomicInteger();
        List<Callable<Object>> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.add(() -> data.as(s.gate(), () -> {
                for (int i = client; i < s.people().size(); i += 8) {
                    CheckIn checkIn = new CheckIn(
                            UUID.randomUUID(), s.people().get(i), statuses[i % 4], CheckInChannel.GATE, null, null);
                    checkIns.checkIn(s.post().id(), s.rollCall().id(), checkIn);
                    if (i % 10 == 0
                            && checkIns.checkIn(s.post().id(), s.rollCall().id(), checkIn)
                                    .replayed()) {
                        replays.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        runAll(clients);

        RollCallFigures figures = data.as(
                        s.rso(),
                        () -> rollCalls.progress(s.post().id(), s.rollCall().id()))
                .figures();
        assertThat(figures.accounted()).isEqualTo(400);
        assertThat(figures.accountedPercent()).isEqualTo(100.0);
        for (CheckInStatus status : statuses) {
            assertThat(figures.count(status)).as(status.name()).isEqualTo(100);
        }
        assertThat(replays.get()).isEqualTo(40);
        assertThat(count(
                        "select count(*) from check_in where roll_call_id = ?",
                        s.rollCall().id()))
                .isEqualTo(400);
    }

    @Test
    void batchesNamingThePeopleInOppositeOrdersNeitherDeadlockNorDependOnCommitOrder() throws Exception {
        Scene s = scene(60);
        OffsetDateTime base = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<Long> reversed = new ArrayList<>(s.people());
        Collections.reverse(reversed);
        List<Callable<Object>> clients = List.of(
                () -> data.as(s.gate(), () -> batches(s, s.people(), CheckInStatus.SAFE, base, 0)),
                () -> data.as(s.gate(), () -> batches(s, reversed, CheckInStatus.NEEDS_HELP, base, 1)));
        runAll(clients);

        assertThat(count(
                        "select count(*) from check_in where roll_call_id = ?",
                        s.rollCall().id()))
                .isEqualTo(2 * 10 * 60);
        assertThat(jdbc.sql("select distinct status from roll_call_member where roll_call_id = ?")
                        .param(s.rollCall().id())
                        .query(String.class)
                        .list())
                .as("round 9 of the second client is the latest report of everyone")
                .containsExactly("NEEDS_HELP");
    }

    @Test
    void closingWhileCheckInsArriveFreezesExactlyTheAcceptedOnes() throws Exception {
        Scene s = scene(240);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Callable<Object>> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.add(() -> data.as(s.gate(), () -> {
                for (int i = client; i < s.people().size(); i += 4) {
                    try {
                        checkIns.checkIn(
                                s.post().id(),
                                s.rollCall().id(),
                                new CheckIn(
                                        UUID.randomUUID(),
                                        s.people().get(i),
                                        CheckInStatus.SAFE,
                                        CheckInChannel.GATE,
                                        null,
                                        null));
                        accepted.incrementAndGet();
                    } catch (RollCallClosedException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        clients = new ArrayList<>(clients);
        clients.add(() -> data.as(s.rso(), () -> {
            while (accepted.get() < 40 && !Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            return rollCalls.close(s.post().id(), s.rollCall().id());
        }));
        runAll(clients);

        RollCallProgress frozen = data.as(
                s.rso(), () -> rollCalls.progress(s.post().id(), s.rollCall().id()));
        assertThat(accepted.get() + refused.get()).isEqualTo(240);
        assertThat(frozen.frozen()).isTrue();
        assertThat(frozen.figures().accounted()).isEqualTo(accepted.get());
        assertThat(count(
                        "select count(*) from check_in where roll_call_id = ?",
                        s.rollCall().id()))
                .isEqualTo(accepted.get());
        assertThat(count(
                        "select count(*) from roll_call_member where roll_call_id = ? and status <> 'UNKNOWN'",
                        s.rollCall().id()))
                .isEqualTo(accepted.get());
    }

    /** Ten batches over {@code people}, round r reported at base + 2r + offset seconds. */
    Object batches(Scene s, List<Long> people, CheckInStatus status, OffsetDateTime base, int offset) {
        for (int round = 0; round < 10; round++) {
            OffsetDateTime at = base.plusSeconds(2L * round + offset).minusMinutes(1);
            List<CheckIn> batch = people.stream()
                    .map(p -> new CheckIn(UUID.randomUUID(), p, status, CheckInChannel.GATE, at, null))
                    .toList();
            checkIns.checkInAll(s.post().id(), s.rollCall().id(), batch);
        }
        return null;
    }

    void runAll(List<Callable<Object>> clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            for (Future<Object> f : pool.invokeAll(clients, 3, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
