package org.muster.decisionpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTests {
    static final ZoneId KABUL = ZoneId.of("Asia/Kabul");
    static final Instant SEPTEMBER = Instant.parse("2021-09-01T00:00:00Z");
    final Evaluator evaluator = new Evaluator(Clock.fixed(SEPTEMBER, ZoneOffset.UTC));

    @Test
    void theKabulTimelineCrossesHalfTheCapitalsOnThe13thAndMazarOnThe14th() {
        DecisionPointSet set = DecisionPointJson.read(resource("kabul-decision-points.json"));
        Timeline timeline =
                TimelineReader.read(resource("provincial-capitals.csv"), TimelineMapping.DEFAULT, KABUL, SEPTEMBER);

        List<ReplayedCrossing> crossings = evaluator.replay(set.decisionPoints(), timeline.accepted());

        assertThat(crossings).extracting(ReplayedCrossing::key).containsExactly("half-capitals", "mazar-fallen");
        ReplayedCrossing half = crossings.get(0);
        assertThat(LocalDate.ofInstant(half.crossedAt(), KABUL)).isEqualTo("2021-08-13");
        assertThat(half.value()).isEqualTo("17 of 34");
        assertThat(half.observation().subject()).isEqualTo("Pul-e-Alam");
        assertThat(((TimelineRow) half.observation()).row()).isEqualTo(18);
        assertThat(half.decideBy()).isEqualTo(half.crossedAt().plusSeconds(48 * 3600));
        ReplayedCrossing mazar = crossings.get(1);
        assertThat(LocalDate.ofInstant(mazar.crossedAt(), KABUL)).isEqualTo("2021-08-14");
        assertThat(mazar.decideBy()).isEqualTo("2021-08-14T19:30:00Z");
    }

    @Test
    void aCountCountsDistinctSubjectsSoARepeatedReportDoesNotAddUp() {
        DecisionPoint point = point(Indicator.count("fell", 2, null));

        IndicatorState once = evaluator.evaluate(point, List.of(obs(1, "Kunduz", "fell"), obs(2, "kunduz ", "FELL")));
        IndicatorState twice = evaluator.evaluate(
                point, List.of(obs(1, "Kunduz", "fell"), obs(2, "Kunduz", "fell"), obs(3, "Herat", "fell")));

        assertThat(once.crossed()).isFalse();
        assertThat(once.value()).isEqualByComparingTo("1");
        assertThat(twice.crossed()).isTrue();
        assertThat(twice.crossedAt()).isEqualTo(day(3));
        assertThat(twice.decideBy()).isEqualTo(day(3).plusSeconds(24 * 3600));
    }

    @Test
    void anEventCrossesOnTheFirstReportAndConflictingReportsDoNotUndoIt() {
        DecisionPoint point = point(Indicator.event("Mazar-i-Sharif", "fell"));

        IndicatorState state = evaluator.evaluate(
                point,
                List.of(
                        obs(2, "Mazar-i-Sharif", "held"),
                        obs(3, "Mazar-i-Sharif", "fell"),
                        obs(4, "Mazar-i-Sharif", "held"),
                        obs(5, "Mazar-i-Sharif", "fell")));

        assertThat(state.crossed()).isTrue();
        assertThat(state.crossedAt()).isEqualTo(day(3));
        assertThat(state.display()).isEqualTo("reported");
    }

    @Test
    void aLevelFollowsTheLatestFigureAndCrossesAgainAfterFallingBack() {
        DecisionPoint point = point(Indicator.level("Kabul airport", "threat", new BigDecimal("4")));
        List<ObservationLike> reports =
                List.of(level(1, "3"), level(2, "4.5"), level(3, "2"), obs(4, "Kabul airport", "open"), level(5, "6"));

        IndicatorState state = evaluator.evaluate(point, reports);
        List<ReplayedCrossing> replay = evaluator.replay(List.of(point), reports);

        assertThat(state.value()).isEqualByComparingTo("6");
        assertThat(state.crossedAt()).isEqualTo(day(5));
        assertThat(replay).extracting(ReplayedCrossing::crossedAt).containsExactly(day(2), day(5));
        assertThat(evaluator.evaluate(point, reports.subList(0, 3)).crossed()).isFalse();
    }

    @Test
    void aMissionPostureCrossesAtThatPostureOrALaterOne() {
        DecisionPoint point = point(Indicator.missionPosture("British Embassy", MissionPosture.ORDERED_DEPARTURE));

        assertThat(evaluator
                        .evaluate(point, List.of(obs(1, "British Embassy", "authorized departure")))
                        .crossed())
                .isFalse();
        IndicatorState suspended = evaluator.evaluate(
                point,
                List.of(obs(1, "British Embassy", "AUTHORIZED_DEPARTURE"), obs(2, "british embassy", "suspended")));
        assertThat(suspended.crossed()).isTrue();
        assertThat(suspended.display()).isEqualTo("Suspension of operations");
        assertThat(evaluator
                        .evaluate(point, List.of(obs(1, "German Embassy", "SUSPENSION")))
                        .crossed())
                .isFalse();
    }

    @Test
    void reportsBelowTheMinimumConfidenceAreNotCounted() {
        DecisionPoint point =
                point(new Indicator(IndicatorKind.EVENT, "Herat", "fell", null, null, null, Confidence.MODERATE));

        ObservationLike rumour =
                new NewObservation(day(1), "Herat", "fell", null, "rumour", Confidence.LOW, null, null, null);
        ObservationLike confirmed =
                new NewObservation(day(2), "Herat", "fell", null, "wire", Confidence.HIGH, null, null, null);

        assertThat(evaluator.evaluate(point, List.of(rumour)).crossed()).isFalse();
        assertThat(evaluator.evaluate(point, List.of(rumour, confirmed)).crossedAt())
                .isEqualTo(day(2));
    }

    @Test
    void observationsAfterNowAreNotYetKnownAndOverdueStartsAfterTheDecideBy() {
        DecisionPoint point = point(Indicator.event("Kabul", "entered"));
        List<ObservationLike> reports = List.of(obs(10, "Kabul", "entered"));
        Evaluator before = new Evaluator(Clock.fixed(day(10).minusSeconds(1), ZoneOffset.UTC));
        Evaluator after = new Evaluator(Clock.fixed(day(10), ZoneOffset.UTC));

        IndicatorState state = after.evaluate(point, reports);

        assertThat(before.evaluate(point, reports).crossed()).isFalse();
        assertThat(state.crossed()).isTrue();
        assertThat(state.overdueAt(state.decideBy())).isFalse();
        assertThat(state.overdueAt(state.decideBy().plusSeconds(1))).isTrue();
    }

    @Test
    void theDailySeriesIsTheValueAtTheEndOfEachDay() {
        DecisionPoint point = point(Indicator.count("fell", 5, null));
        List<ObservationLike> reports =
                List.of(obs(2, "A", "fell"), obs(2, "B", "fell"), obs(4, "C", "fell"), obs(4, "A", "fell"));

        List<BigDecimal> series = evaluator.daily(point, reports, LocalDate.of(2021, 8, 5), 5, ZoneOffset.UTC);

        assertThat(series).extracting(BigDecimal::intValue).containsExactly(0, 2, 2, 3, 3);
    }

    static DecisionPoint point(Indicator indicator) {
        return new DecisionPoint("dp", "A decision point", indicator, List.of("Decide"), 24, null, null);
    }

    static Instant day(int day) {
        return Instant.parse("2021-08-01T00:00:00Z").plusSeconds((day - 1) * 86_400L);
    }

    static ObservationLike obs(int day, String subject, String event) {
        return new NewObservation(day(day), subject, event, "test");
    }

    static ObservationLike level(int day, String value) {
        return new NewObservation(
                day(day), "Kabul airport", "threat", new BigDecimal(value), "test", null, null, null, null);
    }

    static byte[] resource(String name) {
        try (InputStream in = EvaluatorTests.class.getResourceAsStream("/decisionpoints/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
