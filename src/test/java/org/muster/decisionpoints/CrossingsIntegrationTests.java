package org.muster.decisionpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Recording observations raises crossings once; deadlines escalate; the board as of a past date; Kabul 2021. */
@MusterIntegrationTest
class CrossingsIntegrationTests {
    @Autowired
    TestData data;

    @Autowired
    DecisionPoints decisionPoints;

    @Autowired
    Observations observations;

    @Autowired
    Crossings crossings;

    @Autowired
    DecisionPointEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @Test
    void theKabulTimelineRaisesHalfTheCapitalsOnThe13thAndMazarOnThe14thAndTheBoardReplaysAnyDate() {
        Post post = data.post();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        data.as(rso, () -> decisionPoints.importJson(post.id(), EvaluatorTests.resource("kabul-decision-points.json")));

        TimelineReport report = data.as(
                rso,
                () -> observations.importTimeline(
                        post.id(), EvaluatorTests.resource("provincial-capitals.csv"), TimelineMapping.DEFAULT));
        long observationsAfterImport = count("select count(*) from observation where post_id = ?", post);
        long crossingsAfterImport = count("select count(*) from decision_point_crossing where post_id = ?", post);

        assertThat(report.recorded()).isEqualTo(27);
        assertThat(report.refused()).isEmpty();
        assertThat(report.unmappedHeadings()).containsExactly("province");
        assertThat(report.crossingsRaised()).isEqualTo(2);
        List<Crossing> raised = data.as(rso, () -> crossings.all(post.id()));
        assertThat(raised)
                .extracting(c -> c.key() + " " + LocalDate.ofInstant(c.crossedAt(), post.timeZone()))
                .containsExactlyInAnyOrder("half-capitals 2021-08-13", "mazar-fallen 2021-08-14");

        Board on12th = data.as(rso, () -> crossings.asOf(post.id(), LocalDate.of(2021, 8, 12)));
        Board on13th = data.as(rso, () -> crossings.asOf(post.id(), LocalDate.of(2021, 8, 13)));
        Board on14th = data.as(rso, () -> crossings.asOf(post.id(), LocalDate.of(2021, 8, 14)));
        Board on16th = data.as(rso, () -> crossings.asOf(post.id(), LocalDate.of(2021, 8, 16)));

        assertThat(row(on12th, "half-capitals").state().display()).isEqualTo("13 of 34");
        assertThat(statuses(on12th)).containsExactly(BoardStatus.NOT_CROSSED, BoardStatus.NOT_CROSSED);
        assertThat(row(on13th, "half-capitals").status()).isEqualTo(BoardStatus.CROSSED);
        assertThat(row(on13th, "half-capitals").state().display()).isEqualTo("18 of 34");
        assertThat(row(on13th, "half-capitals").decideBy()).isEqualTo("2021-08-14T19:30:00Z");
        assertThat(row(on13th, "mazar-fallen").status()).isEqualTo(BoardStatus.NOT_CROSSED);
        assertThat(row(on14th, "mazar-fallen").status()).isEqualTo(BoardStatus.CROSSED);
        assertThat(row(on16th, "half-capitals").status()).isEqualTo(BoardStatus.OVERDUE);
        assertThat(row(on16th, "half-capitals").trend()).hasSize(Board.TREND_DAYS);
        assertThat(row(on16th, "half-capitals").trend().get(Board.TREND_DAYS - 1))
                .isEqualByComparingTo("26");
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(rso, TestData.PASSWORD);
        String api = "/api/v1/posts/" + post.code();
        JsonNode board =
                json.readTree(client.getJson(api + "/board?asOf=2021-08-13").body());
        JsonNode crossed =
                json.readTree(client.getJson(api + "/crossings?asOf=2021-08-14").body());
        var badDate = client.getJson(api + "/board?asOf=13.08.2021");
        assertThat(board.path("asOf").asString()).isEqualTo("2021-08-13");
        JsonNode half = board.path("rows").get(1);
        assertThat(half.path("decisionPoint").path("point").path("key").asString())
                .isEqualTo("half-capitals");
        assertThat(half.path("status").asString()).isEqualTo("CROSSED");
        assertThat(half.path("decideBy").asString()).isEqualTo("2021-08-14T19:30:00Z");
        assertThat(half.path("trend")).hasSize(Board.TREND_DAYS);
        assertThat(board.path("rows").get(0).path("status").asString()).isEqualTo("NOT_CROSSED");
        assertThat(crossed).hasSize(2);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("\"field\":\"asOf\"");
        assertThat(count("select count(*) from observation where post_id = ?", post))
                .isEqualTo(observationsAfterImport);
        assertThat(count("select count(*) from decision_point_crossing where post_id = ?", post))
                .isEqualTo(crossingsAfterImport);
    }

    @Test
    void aCrossingIsRaisedOnceUntilDecidedWithItsActionsAndDeadline() {
        Post post = data.post();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        data.as(
                rso,
                () -> decisionPoints.save(post.id(), set(point("two-fell", Indicator.count("fell", 2, null), 24))));
        Instant now = clock.instant();

        data.as(rso, () -> observations.record(post.id(), observed(now.minusSeconds(7200), "Kunduz", "fell")));
        assertThat(data.as(rso, () -> crossings.open(post.id()))).isEmpty();
        Observation crossing =
                data.as(rso, () -> observations.record(post.id(), observed(now.minusSeconds(3600), "Herat", "fell")));
        data.as(rso, () -> observations.record(post.id(), observed(now.minusSeconds(60), "Ghazni", "fell")));

        List<Crossing> open = data.as(rso, () -> crossings.open(post.id()));
        assertThat(open).hasSize(1);
        Crossing c = open.get(0);
        assertThat(c.status()).isEqualTo(CrossingStatus.OPEN);
        assertThat(c.observationId()).isEqualTo(crossing.id());
        assertThat(c.crossedAt()).isEqualTo(crossing.observedAt());
        assertThat(c.decideBy()).isEqualTo(crossing.observedAt().plus(Duration.ofHours(24)));
        assertThat(c.actions()).containsExactly("Meet the committee");
        assertThat(c.version()).isEqualTo(1);
        assertThat(events.crossed)
                .filteredOn(e -> e.crossingId() == c.id())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.postId()).isEqualTo(post.id());
                    assertThat(e.decideBy()).isEqualTo(c.decideBy());
                    assertThat(e.actions()).containsExactly("Meet the committee");
                });
        assertThat(count(
                        "select count(*) from audit_entry where post_id = ? and action = 'decision-point.crossed'",
                        post))
                .isEqualTo(1);

        assertThatThrownBy(() -> data.as(rso, () -> crossings.markDecided(c.id(), rso, "Drawdown")))
                .isInstanceOf(AccessDeniedException.class);
        Crossing decided = data.as(com, () -> crossings.markDecided(c.id(), com, "Request ordered departure"));
        data.as(rso, () -> observations.record(post.id(), observed(now, "Kandahar", "fell")));

        assertThat(decided.status()).isEqualTo(CrossingStatus.DECIDED);
        assertThat(decided.decidedBy()).isEqualTo(com);
        assertThat(data.as(rso, () -> crossings.open(post.id()))).isEmpty();
        assertThat(data.as(rso, () -> crossings.all(post.id()))).hasSize(1);
        assertThat(data.as(rso, () -> crossings.board(post.id())).rows().get(0).status())
                .isEqualTo(BoardStatus.DECIDED);
        assertThatThrownBy(() -> data.as(com, () -> crossings.markDecided(c.id(), com, "Again")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aCrossingNotDecidedByItsDeadlineIsEscalatedToTheTaskForce() {
        Post post = data.post();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        data.as(
                rso,
                () -> decisionPoints.save(
                        post.id(),
                        new DecisionPointSet(
                                List.of(),
                                List.of(
                                        point("herat", Indicator.event("Herat", "fell"), 24),
                                        point("ghazni", Indicator.event("Ghazni", "fell"), 24)))));
        Instant now = clock.instant();
        data.as(rso, () -> observations.record(post.id(), observed(now.minus(Duration.ofHours(25)), "Herat", "fell")));
        data.as(rso, () -> observations.record(post.id(), observed(now.minus(Duration.ofHours(23)), "Ghazni", "fell")));

        crossings.escalateOverdue();

        List<Crossing> all = data.as(rso, () -> crossings.all(post.id()));
        Crossing herat =
                all.stream().filter(c -> c.key().equals("herat")).findFirst().orElseThrow();
        Crossing ghazni =
                all.stream().filter(c -> c.key().equals("ghazni")).findFirst().orElseThrow();
        assertThat(herat.status()).isEqualTo(CrossingStatus.ESCALATED);
        assertThat(herat.escalatedAt()).isAfter(herat.decideBy());
        assertThat(ghazni.status()).isEqualTo(CrossingStatus.OPEN);
        assertThat(events.escalated)
                .filteredOn(e -> e.postId() == post.id())
                .extracting(DecisionPointEscalated::key)
                .containsExactly("herat");
        assertThat(count(
                        "select count(*) from audit_entry where post_id = ? and action = 'decision-point.escalated'",
                        post))
                .isEqualTo(1);
        Board board = data.as(rso, () -> crossings.board(post.id()));
        assertThat(statuses(board)).containsExactly(BoardStatus.ESCALATED, BoardStatus.CROSSED);
        String taskForce = data.user(Role.TASK_FORCE, Classification.SECRET, post, data.post());
        assertThat(data.as(taskForce, () -> crossings.forPosts(List.of(post.id()))))
                .extracting(Crossing::key)
                .containsExactly("herat", "ghazni");
    }

    static BoardRow row(Board board, String key) {
        return board.rows().stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    static List<BoardStatus> statuses(Board board) {
        return board.rows().stream().map(BoardRow::status).toList();
    }

    static DecisionPoint point(String key, Indicator indicator, int hours) {
        return new DecisionPoint(
                key, "Decision point " + key, indicator, List.of("Meet the committee"), hours, null, null);
    }

    static DecisionPointSet set(DecisionPoint... points) {
        return new DecisionPointSet(List.of(), List.of(points));
    }

    static NewObservation observed(Instant at, String subject, String event) {
        return new NewObservation(at, subject, event, "a test");
    }

    long count(String sql, Post post) {
        return jdbc.sql(sql).param(post.id()).query(Long.class).single();
    }
}
