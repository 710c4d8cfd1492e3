package org.muster.committee;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.muster.audit.AuditLog;
import org.muster.committee.CommitteeAccess.Actor;
import org.muster.security.NeedToKnow;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes agenda items for {@link Committee}, in the caller's transaction and after its access check:
 * at the end of an open meeting's agenda, one item per referenced record and meeting, audited
 * without any title marked above SBU.
 */
@Component
class AgendaWriter {
    private final JdbcClient jdbc;
    private final CommitteeRows rows;
    private final AgendaLinks links;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final Clock clock;

    AgendaWriter(
            JdbcClient jdbc,
            CommitteeRows rows,
            AgendaLinks links,
            NeedToKnow needToKnow,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.links = links;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds what is due at the post (see {@link AgendaLinks#due}) as the signed-in reader sees it; nothing without one. */
    void addDue(long postId, long meetingId, Actor actor) {
        if (needToKnow.currentReader().isPresent()) {
            for (AgendaItem item : links.due(postId)) {
                add(postId, meetingId, item, actor, false);
            }
        }
    }

    /** Adds one item; {@code checkReference} refuses a reference to a record the post does not have (for a person's input). */
    AgendaEntry add(long postId, long meetingId, AgendaItem item, Actor actor, boolean checkReference) {
        if (item == null) {
            throw new InvalidInputException("item", "is required");
        }
        Meeting meeting = rows.meeting(postId, meetingId, true);
        if (meeting.closed()) {
            throw CommitteeConflictException.closed(meetingId);
        }
        if (checkReference && needToKnow.currentReader().isPresent()) {
            links.requireReal(postId, item);
        }
        if (item.referenceId() != null
                && rows.agenda(postId, meetingId).stream()
                        .anyMatch(e ->
                                e.kind() == item.kind() && item.referenceId().equals(e.referenceId()))) {
            throw new InvalidInputException(
                    "referenceId",
                    item.kind().label() + " " + item.referenceId() + " is already on this meeting's agenda");
        }
        long id = jdbc.sql("insert into agenda_item (meeting_id, position, kind, reference_id, title, classification,"
                        + " decide_by, added_at, added_by) select ?, coalesce(max(position), 0) + 1, ?, ?, ?, ?, ?, ?, ?"
                        + " from agenda_item where meeting_id = ? returning id")
                .params(
                        meetingId,
                        item.kind().name(),
                        item.referenceId(),
                        item.title(),
                        item.classification().name(),
                        item.decideBy() == null ? null : item.decideBy().atOffset(ZoneOffset.UTC),
                        now(),
                        actor.username(),
                        meetingId)
                .query(Long.class)
                .single();
        audit.record(
                "committee.agenda-item-added",
                postId,
                "Meeting #" + meetingId + ": " + item.kind().label() + " " + item.describe()
                        + (item.decideBy() == null ? "" : ", decide by " + item.decideBy()));
        return rows.agenda(postId, meetingId).stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
