package org.muster.committee;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts what an alert raises before the committee: on the agenda of the meeting in session (opened
 * within the last {@link #JOIN_WITHIN}) or the next scheduled one (from {@link #JOIN_BEFORE} ago to
 * {@link #JOIN_WITHIN} ahead), or else on the agenda of a meeting convened for it. A record already on one of the post's agendas is not added
 * again, so a redelivered event changes nothing. Alerts for one post are serialised by a
 * transaction-scoped advisory lock, so two at once convene one meeting, not two.
 */
@Component
class AlertAgenda {
    static final Duration JOIN_BEFORE = Duration.ofHours(12);
    static final Duration JOIN_WITHIN = Duration.ofHours(24);
    private static final int LOCK_SPACE = 0x45414300; // "EAC"

    private final JdbcClient jdbc;
    private final Committee committee;
    private final Clock clock;

    AlertAgenda(JdbcClient jdbc, Committee committee, Clock clock) {
        this.jdbc = jdbc;
        this.committee = committee;
        this.clock = clock;
    }

    /** Returns the meeting the item is on (already, joined or convened). */
    @Transactional
    long raise(long postId, AgendaItem item, String reason) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                .params(LOCK_SPACE, (int) postId)
                .query()
                .singleRow();
        Optional<Long> already = item.referenceId() == null ? Optional.empty() : meetingHolding(postId, item);
        if (already.isPresent()) {
            return already.get();
        }
        Optional<Long> next = meetingToJoin(postId);
        if (next.isPresent()) {
            committee.addAgendaItem(postId, next.get(), item);
            return next.get();
        }
        return committee.convene(postId, reason, List.of(item)).id();
    }

    Optional<Long> meetingToJoin(long postId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql(
                        "select id from committee_meeting where post_id = ? and ((status = 'IN_SESSION' and opened_at >= ?)"
                                + " or (status = 'SCHEDULED' and scheduled_for between ? and ?))"
                                + " order by status = 'IN_SESSION' desc, scheduled_for, id limit 1")
                .params(postId, now.minus(JOIN_WITHIN), now.minus(JOIN_BEFORE), now.plus(JOIN_WITHIN))
                .query(Long.class)
                .optional();
    }

    private Optional<Long> meetingHolding(long postId, AgendaItem item) {
        return jdbc.sql("select m.id from agenda_item a join committee_meeting m on m.id = a.meeting_id"
                        + " where m.post_id = ? and a.kind = ? and a.reference_id = ? order by m.id limit 1")
                .params(postId, item.kind().name(), item.referenceId())
                .query(Long.class)
                .optional();
    }
}
