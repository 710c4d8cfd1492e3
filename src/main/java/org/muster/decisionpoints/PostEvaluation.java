package org.muster.decisionpoints;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.audit.AuditLog;
import org.muster.shared.Classification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-evaluates a post's decision points after anything that may move them (an observation, a new
 * version, a new baseline) and raises the crossings, in the caller's transaction. A crossing is
 * raised once per decision point until decided: none while one is open or escalated, and none again
 * for the same crossing once decided; only a new crossing (the indicator fell back and crossed again
 * after the decided one) raises another. Each raise leaves an audit entry and publishes
 * {@link DecisionPointCrossed}. A per-post advisory lock serialises evaluations, so two observations
 * recorded at once are both seen by the later evaluation.
 */
@Component
class PostEvaluation {
    private static final int LOCK = 0x44505453; // "DPTS"

    private final JdbcClient jdbc;
    private final SetStore sets;
    private final ObservationStore observations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    PostEvaluation(
            JdbcClient jdbc,
            SetStore sets,
            ObservationStore observations,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.sets = sets;
        this.observations = observations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /** Holds the post's evaluation lock (0: the baseline) until the transaction ends. */
    void lock(long postId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                .params(LOCK, (int) postId)
                .query()
                .singleRow();
    }

    /** Evaluates the post's effective set over all its observations; returns the crossings raised. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Crossing> reevaluate(long postId) {
        lock(postId);
        EffectiveSet set = sets.effective(postId);
        List<Observation> all = observations.all(postId);
        if (set.decisionPoints().isEmpty() || all.isEmpty()) {
            return List.of();
        }
        record Latest(Instant crossedAt, boolean undecided) {}
        Map<String, Latest> latest = new HashMap<>();
        jdbc.sql("select key, max(crossed_at) crossed_at, bool_or(status <> 'DECIDED') undecided"
                        + " from decision_point_crossing where post_id = ? group by key")
                .param(postId)
                .query((rs, n) -> latest.put(
                        rs.getString("key"),
                        new Latest(
                                rs.getObject("crossed_at", OffsetDateTime.class).toInstant(),
                                rs.getBoolean("undecided"))))
                .list();
        Evaluator evaluator = new Evaluator(clock);
        Evaluator.Known known = evaluator.known(all);
        Instant now = clock.instant();
        List<Crossing> raised = new ArrayList<>();
        for (EffectiveDecisionPoint ep : set.decisionPoints()) {
            IndicatorState state = evaluator.evaluate(ep.point(), known);
            Latest before = latest.get(ep.key());
            if (!state.crossed()
                    || (before != null
                            && (before.undecided() || !before.crossedAt().isBefore(state.crossedAt())))) {
                continue;
            }
            raise(postId, set.version(), ep.point(), state, now).ifPresent(raised::add);
        }
        return raised;
    }

    private java.util.Optional<Crossing> raise(
            long postId, int version, DecisionPoint p, IndicatorState state, Instant now) {
        long observationId = ((Observation) state.crossedBy()).id();
        var crossing = jdbc.sql("""
                insert into decision_point_crossing (post_id, key, version, title, actions, classification, value,
                                                     crossed_at, decide_by, observation_id, raised_at, status)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, 'OPEN')
                on conflict (post_id, key) where status <> 'DECIDED' do nothing
                returning *""")
                .params(
                        postId,
                        p.key(),
                        version,
                        p.title(),
                        json.writeValueAsString(p.actions()),
                        p.classification().name(),
                        state.display())
                .params(
                        ObservationStore.utc(state.crossedAt()),
                        ObservationStore.utc(state.decideBy()),
                        observationId,
                        ObservationStore.utc(now))
                .query((rs, n) -> CrossingRows.crossing(rs, json))
                .optional();
        crossing.ifPresent(c -> {
            audit.record(
                    "decision-point.crossed",
                    postId,
                    "Decision point " + describe(p) + " crossed (" + c.value() + ") by observation #" + observationId
                            + " observed " + c.crossedAt() + "; decide by " + c.decideBy() + " (crossing #" + c.id()
                            + ")");
            events.publishEvent(new DecisionPointCrossed(
                    postId, c.id(), c.key(), c.title(), c.crossedAt(), c.decideBy(), c.actions()));
        });
        return crossing;
    }

    /** A decision point as the audit log may name it: its title only when it is at most SBU. */
    static String describe(DecisionPoint p) {
        return p.classification().compareTo(Classification.SBU) <= 0
                ? "'" + p.key() + "' (" + p.title() + ")"
                : "'" + p.key() + "' (" + p.classification() + ")";
    }
}
