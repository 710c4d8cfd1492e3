package org.muster.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.muster.decisionpoints.Confidence;
import org.muster.decisionpoints.DecisionPoint;
import org.muster.decisionpoints.DecisionPointSet;
import org.muster.decisionpoints.DecisionPoints;
import org.muster.decisionpoints.Indicator;
import org.muster.decisionpoints.Location;
import org.muster.decisionpoints.MissionPosture;
import org.muster.decisionpoints.NewObservation;
import org.muster.decisionpoints.Observations;
import org.muster.shared.Classification;
import org.springframework.stereotype.Component;

/**
 * Gives the demo embassy Kabul-like decision points under a small Washington baseline, and the
 * observations of the last ten days: provincial capitals falling, the airport's threat level, the
 * British embassy's posture and a report held elsewhere by handle. Herat's fall crossed a decision
 * point three days ago (so it is overdue and escalates), the airport's threat level crossed two
 * hours ago (a decision is due); the rest are still below their thresholds.
 */
@Component
class DemoDecisionPoints {
    static final String[] CAPITALS = {
        "Zaranj",
        "Sheberghan",
        "Sar-e-Pul",
        "Kunduz",
        "Taloqan",
        "Aybak",
        "Pul-e-Khumri",
        "Farah",
        "Faizabad",
        "Ghazni",
        "Qala-e-Naw",
        "Herat",
        "Kandahar"
    };
    static final int[] DAYS_AGO = {9, 8, 7, 7, 7, 6, 5, 5, 4, 3, 3, 3, 3};

    private final DecisionPoints decisionPoints;
    private final Observations observations;
    private final Clock clock;

    DemoDecisionPoints(DecisionPoints decisionPoints, Observations observations, Clock clock) {
        this.decisionPoints = decisionPoints;
        this.observations = observations;
        this.clock = clock;
    }

    void apply(long embassyId) {
        DecisionPoint capitals = new DecisionPoint(
                "half-capitals",
                "Half of 34 provincial capitals fallen",
                Indicator.count("fell", 17, 34),
                List.of("Draw down to the core diplomatic presence", "Request military airlift on standby"),
                72,
                null,
                null);
        if (decisionPoints.baselineVersions().isEmpty()) {
            decisionPoints.saveBaseline(new DecisionPointSet(
                    List.of("Washington decides on military airlift within 24 hours of a request."),
                    List.of(capitals)));
        }
        decisionPoints.save(
                embassyId,
                new DecisionPointSet(
                        List.of(
                                "Hamid Karzai International Airport stays open to commercial flights while Kabul holds.",
                                "The north holds longest; Mazar-i-Sharif is the last major city to fall before Kabul."),
                        List.of(
                                new DecisionPoint(
                                        capitals.key(),
                                        capitals.title(),
                                        capitals.indicator(),
                                        capitals.actions(),
                                        48,
                                        new Location("Kabul", 34.53, 69.17),
                                        null),
                                point(
                                        "herat-fallen",
                                        "Herat fallen",
                                        Indicator.event("Herat", "fell"),
                                        24,
                                        "Herat",
                                        34.35,
                                        62.20,
                                        "Request authorized departure of family members"),
                                point(
                                        "mazar-fallen",
                                        "Mazar-i-Sharif fallen",
                                        Indicator.event("Mazar-i-Sharif", "fell"),
                                        24,
                                        "Mazar-i-Sharif",
                                        36.71,
                                        67.11,
                                        "Request ordered departure",
                                        "Close the consulate"),
                                point(
                                        "airport-threat",
                                        "Airport threat level 4 or higher",
                                        Indicator.level("Kabul airport", "threat level", new BigDecimal("4")),
                                        12,
                                        "Kabul airport",
                                        34.57,
                                        69.21,
                                        "Move staff to the airport compound"),
                                point(
                                        "uk-ordered-departure",
                                        "British Embassy orders departure",
                                        Indicator.missionPosture(
                                                "British Embassy Kabul", MissionPosture.ORDERED_DEPARTURE),
                                        24,
                                        null,
                                        0,
                                        0,
                                        "Consult allied missions on a joint drawdown"),
                                point(
                                        "kabul-entered",
                                        "Taliban enter Kabul",
                                        Indicator.event("Kabul", "entered"),
                                        6,
                                        "Kabul",
                                        34.53,
                                        69.17,
                                        "Relocate the embassy to the airport",
                                        "Suspend operations"))));
        Instant now = clock.instant();
        for (int i = 0; i < CAPITALS.length; i++) {
            observations.record(
                    embassyId,
                    new NewObservation(
                            now.minus(Duration.ofDays(DAYS_AGO[i])).minus(Duration.ofHours(i)),
                            CAPITALS[i],
                            "fell",
                            null,
                            "press reports",
                            Confidence.MODERATE,
                            null,
                            null,
                            null));
        }
        observations.record(embassyId, level(now.minus(Duration.ofDays(5)), "2"));
        observations.record(embassyId, level(now.minus(Duration.ofDays(2)), "3"));
        observations.record(embassyId, level(now.minus(Duration.ofHours(2)), "4"));
        observations.record(
                embassyId,
                new NewObservation(
                        now.minus(Duration.ofDays(1)),
                        "British Embassy Kabul",
                        "authorized departure",
                        null,
                        "FCDO travel advice",
                        Confidence.HIGH,
                        null,
                        null,
                        null));
        observations.record(
                embassyId,
                new NewObservation(
                        now.minus(Duration.ofHours(6)),
                        "Kabul airport",
                        "attack planning reported",
                        null,
                        "partner agency",
                        Confidence.MODERATE,
                        Classification.SECRET,
                        "DEMO-TD-0815",
                        null));
    }

    private static DecisionPoint point(
            String key,
            String title,
            Indicator indicator,
            int hours,
            String place,
            double lat,
            double lon,
            String... actions) {
        return new DecisionPoint(
                key,
                title,
                indicator,
                List.of(actions),
                hours,
                place == null ? null : new Location(place, lat, lon),
                null);
    }

    private static NewObservation level(Instant at, String value) {
        return new NewObservation(
                at,
                "Kabul airport",
                "threat level",
                new BigDecimal(value),
                "regional security office assessment",
                Confidence.HIGH,
                Classification.SBU,
                null,
                null);
    }
}
