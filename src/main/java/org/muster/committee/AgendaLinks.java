package org.muster.committee;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.muster.decisionpoints.Crossing;
import org.muster.decisionpoints.Crossings;
import org.muster.posture.PostureClocks;
import org.muster.posture.PostureStatus;
import org.muster.posture.Postures;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The records of other modules that agenda items refer to: what is due for a meeting (the post's
 * open crossings; the review of a departure status due within {@link #REVIEW_NOTICE}, referred to
 * by the id of the approved request in force), whether a reference is real, and settling them when
 * the chief of mission decides (a crossing is marked decided through {@link Crossings#markDecided},
 * a review is recorded through {@link Postures#recordReview}). Reads run as the signed-in reader,
 * so a meeting's agenda is built from what its scheduler may see.
 */
@Component
class AgendaLinks {
    /** How long before it falls due a posture review goes on the agenda. */
    static final Duration REVIEW_NOTICE = Duration.ofDays(7);

    private final Crossings crossings;
    private final Postures postures;
    private final JdbcClient jdbc;
    private final Clock clock;

    AgendaLinks(Crossings crossings, Postures postures, JdbcClient jdbc, Clock clock) {
        this.crossings = crossings;
        this.postures = postures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What no open meeting holds undecided on its agenda: the post's open crossings (earliest
     * deadline first), then the posture review if one falls due within {@link #REVIEW_NOTICE}.
     */
    List<AgendaItem> due(long postId) {
        Set<Long> pending = undecidedOnOpenAgendas(postId, AgendaKind.CROSSED_DECISION_POINT);
        List<AgendaItem> items = new ArrayList<>(crossings.open(postId).stream()
                .filter(c -> !pending.contains(c.id()))
                .map(AgendaLinks::item)
                .toList());
        reviewDue(postId)
                .filter(r -> !undecidedOnOpenAgendas(postId, AgendaKind.POSTURE_REVIEW)
                        .contains(r.referenceId()))
                .ifPresent(items::add);
        return items;
    }

    /** The review of the departure status in force, if it falls due within {@link #REVIEW_NOTICE}. */
    Optional<AgendaItem> reviewDue(long postId) {
        PostureStatus status = postures.current(postId);
        PostureClocks clocks = PostureClocks.of(status, clock.instant());
        if (!clocks.applies()
                || status.requestId() == null
                || clocks.reviewDueAt().toInstant().isAfter(clock.instant().plus(REVIEW_NOTICE))) {
            return Optional.empty();
        }
        return Optional.of(new AgendaItem(
                AgendaKind.POSTURE_REVIEW,
                status.requestId(),
                "30-day review of " + status.describe() + (clocks.limitReached() ? " (180-day limit reached)" : ""),
                clocks.reviewDueAt().toInstant()));
    }

    /** Refuses an item that names a crossing the post does not have (as the reader sees it). */
    void requireReal(long postId, AgendaItem item) {
        if (item.kind() == AgendaKind.CROSSED_DECISION_POINT
                && crossings.all(postId).stream().noneMatch(c -> c.id() == item.referenceId())) {
            throw new InvalidInputException(
                    "referenceId", "crossing " + item.referenceId() + " is not a crossing of this post");
        }
        if (item.kind() == AgendaKind.POSTURE_REVIEW
                && !item.referenceId().equals(postures.current(postId).requestId())) {
            throw new InvalidInputException(
                    "referenceId", "request " + item.referenceId() + " is not the posture in force at this post");
        }
    }

    /**
     * Settles the decided items in their modules, in the caller's transaction: crossings are marked
     * decided by {@code decidedBy} (one already decided, at another meeting, is left as it is), and a
     * review of the departure status still in force is recorded with the summary as its note.
     */
    void settle(long postId, List<AgendaEntry> decided, String decidedBy, String summary) {
        settleCrossings(postId, decided, decidedBy, summary);
        if (decided.stream().noneMatch(e -> e.kind() == AgendaKind.POSTURE_REVIEW)) {
            return;
        }
        PostureStatus status = postures.current(postId);
        boolean review = decided.stream()
                .anyMatch(e ->
                        e.kind() == AgendaKind.POSTURE_REVIEW && e.referenceId().equals(status.requestId()));
        if (review && status.posture().departure()) {
            postures.recordReview(postId, summary);
        }
    }

    private void settleCrossings(long postId, List<AgendaEntry> decided, String decidedBy, String summary) {
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
