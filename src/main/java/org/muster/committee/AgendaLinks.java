package org.muster.committee;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.muster.decisionpoints.Crossing;
import org.muster.decisionpoints.Crossings;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The records of other modules that agenda items refer to: what is due for a meeting (the post's
 * open crossings), whether a reference is real, and settling them when the chief of mission decides
 * (a crossing is marked decided through {@link Crossings#markDecided}). Reads run as the signed-in
 * reader, so a meeting's agenda is built from what its scheduler may see.
 */
@Component
class AgendaLinks {
    private final Crossings crossings;
    private final JdbcClient jdbc;

    AgendaLinks(Crossings crossings, JdbcClient jdbc) {
        this.crossings = crossings;
        this.jdbc = jdbc;
    }

    /** The post's open crossings that no open meeting holds undecided on its agenda, earliest deadline first. */
    List<AgendaItem> due(long postId) {
        Set<Long> pending = undecidedOnOpenAgendas(postId, AgendaKind.CROSSED_DECISION_POINT);
        return crossings.open(postId).stream()
                .filter(c -> !pending.contains(c.id()))
                .map(AgendaLinks::item)
                .toList();
    }

    /** Refuses an item that names a crossing the post does not have (as the reader sees it). */
    void requireReal(long postId, AgendaItem item) {
        if (item.kind() == AgendaKind.CROSSED_DECISION_POINT
                && crossings.all(postId).stream().noneMatch(c -> c.id() == item.referenceId())) {
            throw new InvalidInputException(
                    "referenceId", "crossing " + item.referenceId() + " is not a crossing of this post");
        }
    }

    /**
     * Marks the crossings among the decided items as decided by {@code decidedBy}, in the caller's
     * transaction. A crossing already decided (at another meeting) is left as it is.
     */
    void settle(long postId, List<AgendaEntry> decided, String decidedBy, String summary) {
        List<Long> refs = decided.stream()
                .filter(e -> e.kind() == AgendaKind.CROSSED_DECISION_POINT)
                .map(AgendaEntry::referenceId)
                .toList();
        if (refs.isEmpty()) {
            return;
        }
        Set<Long> open = crossings.open(postId).stream().map(Crossing::id).collect(Collectors.toSet());
        Set<Long> seen = crossings.all(postId).stream().map(Crossing::id).collect(Collectors.toSet());
        for (long ref : refs) {
            if (open.contains(ref) || !seen.contains(ref)) {
                crossings.markDecided(ref, decidedBy, summary);
            }
        }
    }

    /**
     * The marking of a crossing, for an alert handled without a reader. {@code DecisionPointCrossed}
     * does not carry it, so it is read from the crossing's row; an unknown crossing counts as secret.
     */
    Classification crossingMarking(long crossingId) {
        return jdbc.sql("select classification from decision_point_crossing where id = ?")
                .param(crossingId)
                .query(String.class)
                .optional()
                .map(Classification::valueOf)
                .orElse(Classification.SECRET);
    }

    static AgendaItem item(Crossing c) {
        return new AgendaItem(AgendaKind.CROSSED_DECISION_POINT, c.id(), c.title(), c.decideBy(), c.classification());
    }

    private Set<Long> undecidedOnOpenAgendas(long postId, AgendaKind kind) {
        return Set.copyOf(jdbc.sql(
                        "select a.reference_id from agenda_item a join committee_meeting m on m.id = a.meeting_id"
                                + " where m.post_id = ? and m.status <> 'CLOSED' and a.kind = ? and a.decision_id is null")
                .params(postId, kind.name())
                .query(Long.class)
                .list());
    }
}
