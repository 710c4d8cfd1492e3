package org.muster.decisionpoints.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.decisionpoints.Board;
import org.muster.decisionpoints.BoardRow;
import org.muster.decisionpoints.Confidence;
import org.muster.decisionpoints.Crossings;
import org.muster.decisionpoints.DecisionPoints;
import org.muster.decisionpoints.Indicator;
import org.muster.decisionpoints.IndicatorKind;
import org.muster.decisionpoints.Observations;
import org.muster.posts.Post;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/** The model of the decision board page: the board, its sparklines and map, forms and lists. */
@Component
class BoardPage {
    private final Crossings crossings;
    private final DecisionPoints decisionPoints;
    private final Observations observations;
    private final JsonMapper json;
    private final java.time.Clock clock;

    BoardPage(
            Crossings crossings,
            DecisionPoints decisionPoints,
            Observations observations,
            JsonMapper json,
            java.time.Clock clock) {
        this.clock = clock;
        this.crossings = crossings;
        this.decisionPoints = decisionPoints;
        this.observations = observations;
        this.json = json;
    }

    /** A row of the board with its sparkline, for the template. */
    record Line(BoardRow row, Sparkline trend) {}

    /** The observation form as the page shows it; {@code observedAt} is local time at the post. */
    record ObservationForm(
            String observedAt,
            String subject,
            String event,
            String value,
            String source,
            Confidence confidence,
            Classification classification,
            String handle,
            String note) {}

    void fill(Model model, Post post, Reader reader, LocalDate asOf) {
        Board board = asOf == null ? crossings.board(post.id()) : crossings.asOf(post.id(), asOf);
        List<Line> lines = new ArrayList<>();
        for (BoardRow row : board.rows()) {
            lines.add(new Line(
                    row,
                    Sparkline.of(
                            row.trend(), threshold(row.decisionPoint().point().indicator()), unit(row))));
        }
        model.addAttribute("post", post);
        model.addAttribute("board", board);
        model.addAttribute("lines", lines);
        model.addAttribute("mapPoints", mapPoints(board));
        model.addAttribute(
                "located",
                board.rows().stream()
                        .filter(r -> r.decisionPoint().point().location() != null)
                        .toList());
        model.addAttribute("asOf", asOf);
        model.addAttribute("observations", observations.list(post.id(), 0));
        model.addAttribute("versions", decisionPoints.versions(post.id()));
        model.addAttribute(
                "canRecord", reader.hasAny(Role.SECURITY_OFFICER, Role.CHIEF_OF_MISSION, Role.COMMITTEE_MEMBER));
        model.addAttribute("canEdit", reader.hasAny(Role.CHIEF_OF_MISSION, Role.SECURITY_OFFICER));
        model.addAttribute("confidences", Confidence.values());
        model.addAttribute(
                "classifications",
                java.util.Arrays.stream(Classification.values())
                        .filter(c -> reader.clearance().dominates(c))
                        .toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new ObservationForm(
                            LocalDateTime.now(clock.withZone(post.timeZone()))
                                    .truncatedTo(ChronoUnit.MINUTES)
                                    .toString(),
                            "",
                            "",
                            "",
                            "",
                            Confidence.MODERATE,
                            Classification.UNCLASSIFIED,
                            "",
                            ""));
        }
    }

    /** JSON for the map script: the located decision points with their status. */
    String mapPoints(Board board) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (BoardRow row : board.rows()) {
            var location = row.decisionPoint().point().location();
            if (location == null) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("key", row.key());
            p.put("title", row.decisionPoint().point().title());
            p.put("place", location.name());
            p.put("lat", location.lat());
            p.put("lon", location.lon());
            p.put("status", row.status().name());
            p.put("statusLabel", row.status().label());
            points.add(p);
        }
        return json.writeValueAsString(points);
    }

    static BigDecimal threshold(Indicator indicator) {
        if (indicator.kind() == IndicatorKind.EVENT) {
            return BigDecimal.ONE;
        }
        if (indicator.kind() == IndicatorKind.MISSION_POSTURE) {
            return BigDecimal.valueOf(indicator.posture().ordinal());
        }
        return indicator.threshold();
    }

    private static String unit(BoardRow row) {
        return switch (row.decisionPoint().point().indicator().kind()) {
            case COUNT -> "the count";
            case EVENT -> "reported (1) or not (0)";
            case LEVEL -> "the latest figure";
            case MISSION_POSTURE -> "the posture (0 normal to 3 suspension)";
        };
    }
}
