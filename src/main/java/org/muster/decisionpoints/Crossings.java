package org.muster.decisionpoints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.muster.audit.AuditLog;
import org.muster.posts.Posts;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crossed decision points: the alerts, their deadlines and what became of them. Crossings are
 * raised by the evaluation that follows an observation or a new set; a crossing not decided by its
 * deadline is escalated to the task force (every minute, on one node). The chief of mission's
 * decision, recorded through the committee, closes it. Reads go through {@link NeedToKnow}: members
 * of the post, crossings marked above the reader's clearance left out. Times from the injected Clock.
 */
@Service
public class Crossings {
    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final BoardBuilder boards;
    private final Posts posts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    Crossings(
            JdbcClient jdbc,
            NeedToKnow needToKnow,
            BoardBuilder boards,
            Posts posts,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.boards = boards;
        this.posts = posts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /** The post's crossings not yet decided, earliest deadline first. */
    public List<Crossing> open(long postId) {
        needToKnow.requireMember(postId);
        return needToKnow.filter(jdbc.sql("select * from decision_point_crossing where post_id = ?"
                        + " and status <> 'DECIDED' order by decide_by, id")
                .param(postId)
                .query((rs, n) -> CrossingRows.crossing(rs, json))
                .list());
    }

    /** Every crossing of the post, newest first. */
    public List<Crossing> all(long postId) {
        needToKnow.requireMember(postId);
        return needToKnow.filter(jdbc.sql("select * from decision_point_crossing where post_id = ?"
                        + " order by crossed_at desc, id desc")
                .param(postId)
                .query((rs, n) -> CrossingRows.crossing(rs, json))
                .list());
    }

    /**
     * Crossings not yet decided at the given posts that the reader is a member of (the task force's
     * view): overdue ones first (escalated or past their deadline), then by deadline.
     */
    public List<Crossing> forPosts(Collection<Long> postIds) {
        Set<Long> mine = needToKnow.visiblePostIds();
        Long[] ids = postIds.stream().filter(mine::contains).distinct().toArray(Long[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        return needToKnow.filter(jdbc.sql(
                        "select * from decision_point_crossing where post_id = any(?)"
                                + " and status <> 'DECIDED' order by (status = 'ESCALATED' or decide_by < ?) desc, decide_by, id")
                .params(ids, ObservationStore.utc(clock.instant()))
                .query((rs, n) -> CrossingRows.crossing(rs, json))
                .list());
    }

    /**
     * Records the decision taken on a crossing (the committee calls this when the chief of mission
     * records the decision). A signed-in caller must be the post's chief of mission; work without a
     * user (an event listener) runs as system. Refuses a crossing already decided.
     */
    @Transactional
    public Crossing markDecided(long crossingId, String decidedBy, String summary) {
        Crossing c = jdbc.sql("select * from decision_point_crossing where id = ? for update")
                .param(crossingId)
                .query((rs, n) -> CrossingRows.crossing(rs, json))
                .optional()
                .orElseThrow(() -> new NotFoundException("No crossing " + crossingId));
        if (needToKnow.currentReader().isPresent()) {
            needToKnow.requireRole(c.postId(), Role.CHIEF_OF_MISSION);
        }
        if (c.status() == CrossingStatus.DECIDED) {
            throw new InvalidInputException("crossingId", "crossing " + crossingId + " was already decided");
        }
        String by = decidedBy == null || decidedBy.isBlank() ? null : decidedBy.trim();
        String text = summary == null ? "" : summary.trim();
        if (by == null) {
            throw new InvalidInputException("decidedBy", "is required");
        }
        if (text.isEmpty() || text.length() > 2000) {
            throw new InvalidInputException("summary", "is required (at most 2000 characters)");
        }
        Crossing decided = jdbc.sql("update decision_point_crossing set status = 'DECIDED', decided_at = ?,"
                        + " decided_by = ?, decision_summary = ? where id = ? returning *")
                .params(ObservationStore.utc(clock.instant()), by, text, crossingId)
                .query((rs, n) -> CrossingRows.crossing(rs, json))
                .single();
        audit.record(
                "decision-point.decided",
                c.postId(),
                "Crossing #" + crossingId + " of decision point '" + c.key() + "' decided by " + by
                        + (decided.decidedAt().isAfter(c.decideBy()) ? " after its deadline " : " before its deadline ")
                        + c.decideBy());
        return decided;
    }

    /** The board now: every decision point the reader may see, its value, trend and status. */
    public Board board(long postId) {
        Reader reader = needToKnow.requireMember(postId);
        return boards.build(reader, postId, zone(postId), clock.instant(), null);
    }

    /**
     * The board as of the end of {@code date} in the post's time zone: the current decision points
     * evaluated over the observations observed up to then, and each crossing as it stood then.
     * Writes nothing.
     */
    public Board asOf(long postId, LocalDate date) {
        Reader reader = needToKnow.requireMember(postId);
        ZoneId zone = zone(postId);
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000);
        Instant now = clock.instant();
        return boards.build(reader, postId, zone, end.isAfter(now) ? now : end, date);
    }

    /**
     * Replays observations against a set: every crossing, in time order, with the decide-by it would
     * set. Pure: reads and writes nothing, needs no reader.
     */
    public List<ReplayedCrossing> replay(DecisionPointSet set, List<? extends ObservationLike> observations) {
        return new Evaluator(clock).replay(set.decisionPoints(), observations);
    }

    /**
     * Escalates every open crossing whose deadline has passed: status ESCALATED, an audit entry and a
     * {@link DecisionPointEscalated} each. Returns how many. Run by {@link CrossingEscalation}.
     */
    @Transactional
    int escalateOverdue() {
        Instant now = clock.instant();
        List<Crossing> due = jdbc.sql("update decision_point_crossing set status = 'ESCALATED', escalated_at = ?"
                        + " where id in (select id from decision_point_crossing where status = 'OPEN' and decide_by < ?"
                        + " for update skip locked) returning *")
                .params(ObservationStore.utc(now), ObservationStore.utc(now))
                .query((rs, n) -> CrossingRows.crossing(rs, json))
                .list();
        for (Crossing c : due) {
            audit.recordAs(
                    "system",
                    "decision-point.escalated",
                    c.postId(),
                    "Crossing #" + c.id() + " of decision point '" + c.key() + "' escalated to the task force:"
                            + " no decision by " + c.decideBy());
            events.publishEvent(new DecisionPointEscalated(c.postId(), c.id(), c.key(), c.title(), c.decideBy()));
        }
        return due.size();
    }

    private ZoneId zone(long postId) {
        return posts.get(postId).timeZone();
    }
}
