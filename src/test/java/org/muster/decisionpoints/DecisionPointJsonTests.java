package org.muster.decisionpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;

class DecisionPointJsonTests {

    @Test
    void theKabulFileReadsAndWritesBackToTheSameSet() {
        DecisionPointSet set = DecisionPointJson.read(EvaluatorTests.resource("kabul-decision-points.json"));

        DecisionPointSet again = DecisionPointJson.read(bytes(DecisionPointJson.write(set, Map.of("version", 3))));

        assertThat(again).isEqualTo(set);
        assertThat(set.assumptions()).hasSize(2);
        DecisionPoint mazar = set.point("mazar-fallen").orElseThrow();
        assertThat(mazar.indicator().kind()).isEqualTo(IndicatorKind.EVENT);
        assertThat(mazar.location().lat()).isEqualTo(36.709);
        DecisionPoint half = set.point("half-capitals").orElseThrow();
        assertThat(half.indicator().threshold()).isEqualByComparingTo("17");
        assertThat(half.indicator().outOf()).isEqualTo(34);
        assertThat(half.classification()).isEqualTo(Classification.UNCLASSIFIED);
    }

    @Test
    void aMissionPostureThresholdIsAPostureName() {
        DecisionPointSet set = DecisionPointJson.read(bytes("""
                {"decisionPoints": [{"key": "uk", "title": "UK leaves",
                  "indicator": {"kind": "MISSION_POSTURE", "subject": "British Embassy"},
                  "threshold": "ORDERED_DEPARTURE", "actions": ["Meet"], "decideWithinHours": 12,
                  "classification": "SBU"}]}"""));

        assertThat(set.decisionPoints().get(0).indicator().posture()).isEqualTo(MissionPosture.ORDERED_DEPARTURE);
        assertThat(DecisionPointJson.write(set, Map.of())).contains("\"threshold\" : \"ORDERED_DEPARTURE\"");
    }

    @Test
    void refusalsNameTheDecisionPointAndTheField() {
        refused("{\"decisionPoints\": [" + point("\"treshold\": 3") + "]}", "decisionPoints[dp].treshold");
        refused("{\"decisionPoints\": [" + point("\"threshold\": \"many\"") + "]}", "decisionPoints[dp].threshold");
        refused("{\"decisionPoints\": [" + point("\"threshold\": 2.5") + "]}", "decisionPoints[dp].threshold");
        refused(
                "{\"decisionPoints\": [{\"key\": \"dp\", \"title\": \"t\", \"indicator\": {\"kind\": \"EVENT\","
                        + " \"subject\": \"Herat\"}, \"actions\": [\"a\"], \"decideWithinHours\": 2}]}",
                "decisionPoints[dp].indicator.event");
        refused(
                "{\"decisionPoints\": [{\"key\": \"dp\", \"title\": \"t\", \"indicator\": {\"kind\": \"COUNT\","
                        + " \"event\": \"fell\"}, \"threshold\": 3, \"actions\": [\"a\"]}]}",
                "decisionPoints[dp].decideWithinHours");
        refused(
                "{\"decisionPoints\": [" + point("\"threshold\": 3") + ", " + point("\"threshold\": 4") + "]}",
                "decisionPoints[dp].key");
        refused("{\"decisionPoints\": [{\"title\": \"no key\"}]}", "decisionPoints[0].indicator");
        refused("{\"assumptions\": \"one\"}", "assumptions");
        refused("[1, 2]", "file");
        refused("{\"decisionPoints\": [", "file");
    }

    static String point(String threshold) {
        return "{\"key\": \"dp\", \"title\": \"t\", \"indicator\": {\"kind\": \"COUNT\", \"event\": \"fell\"}, "
                + threshold + ", \"actions\": [\"a\"], \"decideWithinHours\": 2}";
    }

    static void refused(String json, String field) {
        assertThatThrownBy(() -> DecisionPointJson.read(bytes(json)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field())
                        .as(e.getMessage())
                        .isEqualTo(field));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptySetIsValid() {
        assertThat(DecisionPointJson.read(bytes("{}"))).isEqualTo(new DecisionPointSet(List.of(), List.of()));
    }
}
