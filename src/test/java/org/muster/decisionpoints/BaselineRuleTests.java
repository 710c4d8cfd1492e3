package org.muster.decisionpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;

class BaselineRuleTests {
    static final DecisionPoint CAPITALS = new DecisionPoint(
            "half-capitals",
            "Half of the capitals fallen",
            Indicator.count("fell", 17, 34),
            List.of("Draw down"),
            48,
            null,
            null);
    static final DecisionPoint THREAT = new DecisionPoint(
            "threat",
            "Threat level 4",
            Indicator.level("Kabul", "threat", new BigDecimal("4")),
            List.of("Meet"),
            24,
            null,
            null);
    static final DecisionPoint DOMINO = new DecisionPoint(
            "uk-od",
            "UK orders departure",
            Indicator.missionPosture("British Embassy", MissionPosture.ORDERED_DEPARTURE),
            List.of("Meet"),
            24,
            null,
            null);
    static final DecisionPointSet BASELINE = new DecisionPointSet(List.of(), List.of(CAPITALS, THREAT, DOMINO));

    @Test
    void aPostMayTightenEveryKindAndAddItsOwnPoints() {
        DecisionPoint own = new DecisionPoint(
                "mazar",
                "Mazar fallen",
                Indicator.event("Mazar-i-Sharif", "fell"),
                List.of("Close MZR"),
                12,
                null,
                null);
        DecisionPointSet tightened = new DecisionPointSet(
                List.of(),
                List.of(
                        with(CAPITALS, p -> withIndicator(p, Indicator.count("fell", 12, 34))),
                        with(THREAT, p -> withIndicator(p, Indicator.level("Kabul", "threat", new BigDecimal("3.5")))),
                        with(
                                DOMINO,
                                p -> withIndicator(
                                        p,
                                        Indicator.missionPosture(
                                                "british embassy", MissionPosture.AUTHORIZED_DEPARTURE))),
                        own));

        assertThatCode(() -> BaselineRule.check(BASELINE, tightened)).doesNotThrowAnyException();
        assertThat(BaselineRule.merge(7, BASELINE, tightened))
                .extracting(EffectiveDecisionPoint::origin)
                .containsExactly(
                        EffectiveDecisionPoint.Origin.TIGHTENED,
                        EffectiveDecisionPoint.Origin.TIGHTENED,
                        EffectiveDecisionPoint.Origin.TIGHTENED,
                        EffectiveDecisionPoint.Origin.POST);
    }

    @Test
    void eachWeakerThresholdIsRefusedNamingTheKeyAndField() {
        refused(
                with(CAPITALS, p -> withIndicator(p, Indicator.count("fell", 18, 34))),
                "decisionPoints[half-capitals].threshold");
        refused(
                with(THREAT, p -> withIndicator(p, Indicator.level("Kabul", "threat", new BigDecimal("4.01")))),
                "decisionPoints[threat].threshold");
        refused(
                with(
                        DOMINO,
                        p -> withIndicator(p, Indicator.missionPosture("British Embassy", MissionPosture.SUSPENSION))),
                "decisionPoints[uk-od].threshold");
        refused(with(CAPITALS, p -> hours(p, 49)), "decisionPoints[half-capitals].decideWithinHours");
    }

    @Test
    void anotherIndicatorAMissingActionAnotherMarkingOrAHigherConfidenceAreWeakerToo() {
        refused(
                with(CAPITALS, p -> withIndicator(p, Indicator.event("Kabul", "fell"))),
                "decisionPoints[half-capitals].indicator.kind");
        refused(
                with(CAPITALS, p -> withIndicator(p, Indicator.count("taken", 17, 34))),
                "decisionPoints[half-capitals].indicator.event");
        refused(
                with(
                        DOMINO,
                        p -> withIndicator(
                                p, Indicator.missionPosture("French Embassy", MissionPosture.ORDERED_DEPARTURE))),
                "decisionPoints[uk-od].indicator.subject");
        refused(
                with(
                        CAPITALS,
                        p -> new DecisionPoint(
                                p.key(), p.title(), p.indicator(), List.of("Something else"), 48, null, null)),
                "decisionPoints[half-capitals].actions");
        refused(
                with(
                        CAPITALS,
                        p -> new DecisionPoint(
                                p.key(), p.title(), p.indicator(), p.actions(), 48, null, Classification.SECRET)),
                "decisionPoints[half-capitals].classification");
        refused(
                with(
                        CAPITALS,
                        p -> withIndicator(
                                p,
                                new Indicator(
                                        IndicatorKind.COUNT,
                                        null,
                                        "fell",
                                        new BigDecimal(17),
                                        null,
                                        34,
                                        Confidence.HIGH))),
                "decisionPoints[half-capitals].indicator.minConfidence");
    }

    @Test
    void removingABaselinePointIsRefused() {
        DecisionPointSet without = new DecisionPointSet(List.of(), List.of(CAPITALS, DOMINO));

        assertThatThrownBy(() -> BaselineRule.check(BASELINE, without))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("decisionPoints[threat]:")
                .hasMessageContaining("may not be removed");
    }

    @Test
    void theMergeAddsBaselinePointsThePostDoesNotNameAndPrefersATighterBaseline() {
        DecisionPointSet post = new DecisionPointSet(
                List.of("The airport stays open"),
                List.of(with(CAPITALS, p -> withIndicator(p, Indicator.count("fell", 15, 34)))));
        DecisionPointSet tighterBaseline = new DecisionPointSet(
                List.of("Washington decides on airlift"),
                List.of(with(CAPITALS, p -> withIndicator(p, Indicator.count("fell", 10, 34))), THREAT));

        var merged = BaselineRule.merge(7, tighterBaseline, post);

        assertThat(merged).extracting(EffectiveDecisionPoint::key).containsExactly("half-capitals", "threat");
        assertThat(merged.get(0).origin()).isEqualTo(EffectiveDecisionPoint.Origin.BASELINE);
        assertThat(merged.get(0).point().indicator().threshold()).isEqualByComparingTo("10");
        assertThat(BaselineRule.assumptions(tighterBaseline, post))
                .containsExactly("Washington decides on airlift", "The airport stays open");
    }

    static void refused(DecisionPoint weaker, String field) {
        List<DecisionPoint> points = new java.util.ArrayList<>(BASELINE.decisionPoints());
        points.replaceAll(p -> p.key().equals(weaker.key()) ? weaker : p);
        assertThatThrownBy(() -> BaselineRule.check(BASELINE, new DecisionPointSet(List.of(), points)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }

    static DecisionPoint with(DecisionPoint p, UnaryOperator<DecisionPoint> change) {
        return change.apply(p);
    }

    static DecisionPoint withIndicator(DecisionPoint p, Indicator indicator) {
        return new DecisionPoint(
                p.key(), p.title(), indicator, p.actions(), p.decideWithinHours(), p.location(), p.classification());
    }

    static DecisionPoint hours(DecisionPoint p, int hours) {
        return new DecisionPoint(
                p.key(), p.title(), p.indicator(), p.actions(), hours, p.location(), p.classification());
    }
}
