package org.muster.decisionpoints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.muster.security.Reader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the decision board of a post at an instant. Indicators are evaluated over every observation
 * (an indicator's value is shown at the decision point's marking, whatever the marking of the reports
 * behind it); only the decision points the reader may see are listed. Reads only.
 */
@Component
class BoardBuilder {
    private final SetStore sets;
    private final ObservationStore observations;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    BoardBuilder(SetStore sets, ObservationStore observations, JdbcClient jdbc, JsonMapper json) {
        this.sets = sets;
        this.observations = observations;
        this.jdbc = jdbc;
        this.json = json;
    }

    Board build(Reader reader, long postId, ZoneId zone, Instant at, LocalDate asOf) {
        EffectiveSet set = sets.effective(postId);
        List<Observation> all = observations.all(postId);
        List<Crossing> crossings = jdbc.sql(
                        "select * from decision_point_crossing where post_id = ? and crossed_at <= ?"
                                + " order by crossed_at, id")
                .params(postId, ObservationStore.utc(at))
                .query((rs, n) -> CrossingRows.crossing(rs, json))
                .list();
        Evaluator evaluator = new Evaluator(Clock.fixed(at, ZoneOffset.UTC));
        Evaluator.Known known = evaluator.known(all);
        LocalDate lastDay = LocalDate.ofInstant(at, zone);
        List<BoardRow> rows = new ArrayList<>();
        for (EffectiveDecisionPoint p : set.decisionPoints()) {
            if (!reader.clearance().dominates(p.classification())) {
                continue;
            }
            IndicatorState state = evaluator.evaluate(p.point(), known);
            Crossing latest = crossings.stream()
                    .filter(c -> c.key().equals(p.key()))
                    .max(Comparator.comparing(Crossing::crossedAt).thenComparing(Crossing::id))
                    .orElse(null);
            rows.add(row(
                    postId, p, state, latest, at, evaluator.daily(p.point(), known, lastDay, Board.TREND_DAYS, zone)));
        }
        return new Board(postId, asOf, at, set.version(), set.assumptions(), rows);
    }

    /**
     * The status at {@code at}: a raised crossing not decided by then is escalated, overdue or
     * crossed; one decided by then is decided, unless the indicator has crossed again since; without
     * a crossing (a past date, or not yet raised) the indicator's own state decides.
     */
    static BoardRow row(
            long postId,
            EffectiveDecisionPoint p,
            IndicatorState state,
            Crossing c,
            Instant at,
            List<java.math.BigDecimal> trend) {
        if (c != null) {
            boolean decided = c.decidedAt() != null && !c.decidedAt().isAfter(at);
            boolean escalated = c.escalatedAt() != null && !c.escalatedAt().isAfter(at);
            if (!decided) {
                BoardStatus status = escalated
                        ? BoardStatus.ESCALATED
                        : at.isAfter(c.decideBy()) ? BoardStatus.OVERDUE : BoardStatus.CROSSED;
                return new BoardRow(
                        postId, p, state, status, c.decideBy(), visibleCrossing(c, decided, escalated), trend);
            }
            if (!state.crossed() || !state.crossedAt().isAfter(c.crossedAt())) {
                return new BoardRow(postId, p, state, BoardStatus.DECIDED, c.decideBy(), c, trend);
            }
        }
        if (state.crossed()) {
            BoardStatus status = at.isAfter(state.decideBy()) ? BoardStatus.OVERDUE : BoardStatus.CROSSED;
            return new BoardRow(postId, p, state, status, state.decideBy(), null, trend);
        }
        return new BoardRow(postId, p, state, BoardStatus.NOT_CROSSED, null, null, trend);
    }

    /** A crossing as it stood at a past instant: not yet decided or escalated then. */
    private static Crossing visibleCrossing(Crossing c, boolean decided, boolean escalated) {
        if (decided || c.status() == CrossingStatus.OPEN || (escalated && c.status() == CrossingStatus.ESCALATED)) {
            return c;
        }
        return new Crossing(
                c.postId(),
                c.id(),
                c.key(),
                c.version(),
                c.title(),
                c.actions(),
                c.classification(),
                c.value(),
                c.crossedAt(),
                c.decideBy(),
                c.observationId(),
                c.raisedAt(),
                escalated ? CrossingStatus.ESCALATED : CrossingStatus.OPEN,
                null,
                null,
                null,
                escalated ? c.escalatedAt() : null);
    }
}
