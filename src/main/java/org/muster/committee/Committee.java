package org.muster.committee;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.muster.audit.AuditLog;
import org.muster.committee.CommitteeAccess.Actor;
import org.muster.security.NeedToKnow;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meetings of a post's Emergency Action Committee and their agendas: scheduled ahead, or
 * convened by an alert with its reason and items. The chair or the chief of mission opens a
 * meeting (then its record is written: see {@link MeetingMinutes} and {@link Recommendations}) and
 * closes it; the chief of mission records decisions ({@link #decide}).
 *
 * <p>Committee members and the chief of mission read and schedule; without a signed-in user (the
 * alert listener, the demo) work runs as {@code system}. Every change leaves an audit entry in its
 * transaction. Times come from the injected {@link Clock}; instants are stored in UTC. Thread-safe.
 */
@Service
public class Committee {
    private final JdbcClient jdbc;
    private final CommitteeAccess access;
    private final CommitteeRows rows;
    private final DecisionRecorder decisions;
    private final AgendaWriter agenda;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final Clock clock;

    Committee(
            JdbcClient jdbc,
            CommitteeAccess access,
            CommitteeRows rows,
            DecisionRecorder decisions,
            AgendaWriter agenda,
            NeedToKnow needToKnow,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.rows = rows;
        this.decisions = decisions;
        this.agenda = agenda;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Schedules a meeting at {@code at}; the title is required (at most 200 characters). Its agenda
     * starts with the post's open crossings (as the scheduler sees them) that no open meeting holds.
     */
    @Transactional
    public Meeting schedule(long postId, String title, Instant at) {
        Actor actor = access.requireCommitteeMemberOrChief(postId);
        String name = Names.required("title", title, 200);
        if (at == null) {
            throw new InvalidInputException("scheduledFor", "is required");
        }
        long id = insert(postId, name, at.atOffset(ZoneOffset.UTC), null, actor);
        audit.record("committee.meeting-scheduled", postId, "Meeting #" + id + " '" + name + "' scheduled for " + at);
        agenda.addDue(postId, id, actor);
        return rows.meeting(postId, id, false);
    }

    /**
     * Convenes a meeting now, for {@code reason} (required, at most 2,000 characters), with the
     * items on its agenda in order. Used by alerts; a person may convene one too.
     */
    @Transactional
    public Meeting convene(long postId, String reason, List<AgendaItem> items) {
        Actor actor = access.requireCommitteeMemberOrChief(postId);
        String why = Names.required("reason", reason, 2000);
        String title = "Convened: " + (why.length() > 180 ? why.substring(0, 179) + "…" : why);
        long id = insert(postId, title, now(), why, actor);
        audit.record("committee.meeting-convened", postId, "Meeting #" + id + " convened: " + title);
        for (AgendaItem item : items == null ? List.<AgendaItem>of() : items) {
            agenda.add(postId, id, item, actor, false);
        }
        return rows.meeting(postId, id, false);
    }

    /** Adds an item at the end of an open meeting's agenda; an item referring to a record already on it is refused. */
    @Transactional
    public AgendaEntry addAgendaItem(long postId, long meetingId, AgendaItem item) {
        Actor actor = access.requireCommitteeMemberOrChief(postId);
        return agenda.add(postId, meetingId, item, actor, true);
    }

    /** Opens a scheduled meeting's session, adding what has fallen due since it was scheduled. */
    @Transactional
    public Meeting open(long postId, long meetingId) {
        Actor actor = access.requirePresiding(postId);
        Meeting meeting = rows.meeting(postId, meetingId, true);
        if (meeting.status() != MeetingStatus.SCHEDULED) {
            throw new CommitteeConflictException("Meeting " + meetingId + " is "
                    + meeting.status().label().toLowerCase() + "; only a scheduled meeting can be opened.");
        }
        jdbc.sql("update committee_meeting set status = 'IN_SESSION', opened_at = ? where id = ?")
                .params(now(), meetingId)
                .update();
        audit.record("committee.meeting-opened", postId, "Meeting #" + meetingId + " '" + meeting.title() + "' opened");
        agenda.addDue(postId, meetingId, actor);
        return rows.meeting(postId, meetingId, false);
    }

    /** Closes a meeting (in session, or scheduled and not held); its record is kept as it is. */
    @Transactional
    public Meeting close(long postId, long meetingId) {
        access.requirePresiding(postId);
        Meeting meeting = rows.meeting(postId, meetingId, true);
        if (meeting.closed()) {
            throw CommitteeConflictException.closed(meetingId);
        }
        jdbc.sql("update committee_meeting set status = 'CLOSED', closed_at = ? where id = ?")
                .params(now(), meetingId)
                .update();
        audit.record("committee.meeting-closed", postId, "Meeting #" + meetingId + " '" + meeting.title() + "' closed");
        return rows.meeting(postId, meetingId, false);
    }

    /** The post's meetings, latest first. */
    public List<Meeting> meetings(long postId) {
        access.requireReader(postId);
        return jdbc.sql("select * from committee_meeting where post_id = ? order by scheduled_for desc, id desc")
                .param(postId)
                .query(CommitteeRows::meeting)
                .list();
    }

    public Meeting meeting(long postId, long meetingId) {
        access.requireReader(postId);
        return rows.meeting(postId, meetingId, false);
    }

    /** The post of a meeting, for a reader of that post's committee (for pages that address a meeting by id). */
    public long postOf(long meetingId) {
        long postId = jdbc.sql("select post_id from committee_meeting where id = ?")
                .param(meetingId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> CommitteeRows.notFound(meetingId));
        access.requireReader(postId);
        return postId;
    }

    /** The meeting's agenda in order: the items whose marking the reader's clearance dominates. */
    public List<AgendaEntry> agenda(long postId, long meetingId) {
        access.requireReader(postId);
        rows.meeting(postId, meetingId, false);
        return needToKnow.filter(rows.agenda(postId, meetingId));
    }

    /**
     * Records the chief of mission's decision at a meeting (in any state: they often decide after
     * it closes) on a final recommendation of that meeting, on items of its agenda, or both, and
     * publishes {@link DecisionRecorded} in the same transaction. Only the chief of mission of the
     * post, signed in, may decide: a committee member who is not is refused (403), whatever their
     * seat. Refused, naming the field and writing nothing: a blank {@code summary}, neither items nor
     * a recommendation, a draft or already decided recommendation, an item not on this agenda or
     * already decided. {@code recommendationId} may be null.
     */
    @Transactional
    public Decision decide(
            long postId, long meetingId, Long recommendationId, List<Long> agendaItemIds, String summary) {
        return decisions.decide(postId, meetingId, recommendationId, agendaItemIds, summary);
    }

    /** The meeting's decisions, in the order recorded. */
    public List<Decision> decisions(long postId, long meetingId) {
        access.requireReader(postId);
        rows.meeting(postId, meetingId, false);
        return rows.decisions(postId, meetingId);
    }

    private long insert(long postId, String title, OffsetDateTime at, String reason, Actor actor) {
        return jdbc.sql("insert into committee_meeting (post_id, title, scheduled_for, convened, reason, status,"
                        + " created_at, created_by) values (?, ?, ?, ?, ?, 'SCHEDULED', ?, ?) returning id")
                .params(postId, title, at, reason != null, reason, now(), actor.username())
                .query(Long.class)
                .single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
