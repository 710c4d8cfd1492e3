package org.muster.committee;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.muster.audit.AuditLog;
import org.muster.committee.CommitteeAccess.Actor;
import org.muster.security.NeedToKnow;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The written record of a meeting: attendance, the minutes portion by portion, and the worst-case
 * assessment. Committee members write while the meeting is in session, each portion and the
 * assessment marked no higher than the writer's own clearance. Readers (committee members and the
 * chief of mission) see the portions and the assessment their clearance dominates, through
 * {@link NeedToKnow}; the rest is counted as withheld. Audit entries name markings, never text.
 */
@Service
public class MeetingMinutes {
    private final JdbcClient jdbc;
    private final CommitteeAccess access;
    private final CommitteeRows rows;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final Clock clock;

    MeetingMinutes(
            JdbcClient jdbc,
            CommitteeAccess access,
            CommitteeRows rows,
            NeedToKnow needToKnow,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.rows = rows;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records how a committee member attended; recording again replaces the earlier record. */
    @Transactional
    public Attendance recordAttendance(long postId, long meetingId, String username, Presence presence) {
        Actor actor = access.requireCommitteeMember(postId);
        rows.inSession(postId, meetingId);
        if (presence == null) {
            throw new InvalidInputException("presence", "is required: one of PRESENT, BY_PHONE, ABSENT");
        }
        long userId = jdbc.sql("select c.user_id from committee_member c join app_user u on u.id = c.user_id"
                        + " where c.post_id = ? and u.username = ?")
                .params(postId, username == null ? "" : username.trim())
                .query(Long.class)
                .optional()
                .orElseThrow(() ->
                        new InvalidInputException("username", "'" + username + "' does not sit on this committee"));
        jdbc.sql(
                        "insert into meeting_attendance (meeting_id, user_id, presence, recorded_at, recorded_by)"
                                + " values (?, ?, ?, ?, ?) on conflict (meeting_id, user_id) do update set"
                                + " presence = excluded.presence, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by")
                .params(meetingId, userId, presence.name(), now(), actor.username())
                .update();
        audit.record(
                "committee.attendance-recorded",
                postId,
                "Meeting #" + meetingId + ": " + username.trim() + " "
                        + presence.label().toLowerCase());
        return attendance(postId, meetingId).stream()
                .filter(a -> a.userId() == userId)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Attendance as recorded; while the meeting is open, every current committee member too (those
     * not yet recorded with a null presence). Chair first, then by title.
     */
    public List<Attendance> attendance(long postId, long meetingId) {
        access.requireReader(postId);
        Meeting meeting = rows.meeting(postId, meetingId, false);
        return jdbc.sql("select u.id, u.username, u.display_name, c.title, a.presence, a.recorded_at, a.recorded_by"
                        + " from app_user u"
                        + " left join committee_member c on c.user_id = u.id and c.post_id = ?"
                        + " left join meeting_attendance a on a.user_id = u.id and a.meeting_id = ?"
                        + " where a.user_id is not null or (c.user_id is not null and ?)"
                        + " order by c.chair desc nulls last, c.title nulls last, u.display_name")
                .params(postId, meetingId, !meeting.closed())
                .query((rs, n) -> new Attendance(
                        postId,
                        meetingId,
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("title"),
                        rs.getString("presence") == null ? null : Presence.valueOf(rs.getString("presence")),
                        rs.getObject("recorded_at", OffsetDateTime.class),
                        rs.getString("recorded_by")))
                .list();
    }

    /** Adds a portion at the end of the minutes, marked no higher than the writer's clearance. */
    @Transactional
    public MinutePortion addPortion(long postId, long meetingId, Classification classification, String text) {
        Actor actor = access.requireCommitteeMember(postId);
        String body = Names.required("text", text, 20000);
        requireWithinClearance(actor, classification);
        rows.inSession(postId, meetingId);
        long id = jdbc.sql("insert into minute_portion (meeting_id, position, classification, text, written_at,"
                        + " written_by) select ?, coalesce(max(position), 0) + 1, ?, ?, ?, ?"
                        + " from minute_portion where meeting_id = ? returning id")
                .params(meetingId, classification.name(), body, now(), actor.username(), meetingId)
                .query(Long.class)
                .single();
        MinutePortion portion = portions(postId, meetingId).stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record(
                "committee.minutes-portion-added",
                postId,
                "Meeting #" + meetingId + ": portion " + portion.position() + " marked " + portion.portionMark()
                        + " added to the minutes");
        return portion;
    }

    /** The minutes as the current reader may see them: portions their clearance dominates, and how many are withheld. */
    public Minutes minutes(long postId, long meetingId) {
        access.requireReader(postId);
        rows.meeting(postId, meetingId, false);
        List<MinutePortion> all = portions(postId, meetingId);
        List<MinutePortion> shown = needToKnow.filter(all);
        return new Minutes(postId, shown, all.size() - shown.size());
    }

    /**
     * Records (or revises) the meeting's worst-case assessment, marked no higher than the writer's
     * clearance; only a member cleared for the assessment already recorded may replace it.
     */
    @Transactional
    public WorstCaseAssessment assess(long postId, long meetingId, Classification classification, String text) {
        Actor actor = access.requireCommitteeMember(postId);
        String body = Names.required("text", text, 20000);
        requireWithinClearance(actor, classification);
        rows.inSession(postId, meetingId);
        Optional<WorstCaseAssessment> earlier = stored(postId, meetingId);
        if (earlier.isPresent() && !actor.clearance().dominates(earlier.get().classification())) {
            throw new InvalidInputException(
                    "worstCaseAssessment",
                    "is marked above your clearance; a member cleared "
                            + earlier.get().classification().label() + " revises it");
        }
        boolean revised = earlier.isPresent();
        jdbc.sql("insert into worst_case_assessment (meeting_id, classification, text, written_at, written_by)"
                        + " values (?, ?, ?, ?, ?) on conflict (meeting_id) do update set"
                        + " classification = excluded.classification, text = excluded.text,"
                        + " written_at = excluded.written_at, written_by = excluded.written_by")
                .params(meetingId, classification.name(), body, now(), actor.username())
                .update();
        audit.record(
                revised ? "committee.worst-case-revised" : "committee.worst-case-recorded",
                postId,
                "Meeting #" + meetingId + ": worst-case assessment marked (" + classification.portionMark() + ")"
                        + (revised ? " revised" : " recorded"));
        return stored(postId, meetingId).orElseThrow();
    }

    /** The worst-case assessment if there is one and the reader's clearance dominates its marking. */
    public Optional<WorstCaseAssessment> assessment(long postId, long meetingId) {
        access.requireReader(postId);
        rows.meeting(postId, meetingId, false);
        return stored(postId, meetingId).filter(needToKnow::mayRead);
    }

    /** The assessment as stored, without access checks (for the rule that a final recommendation needs one). */
    Optional<WorstCaseAssessment> stored(long postId, long meetingId) {
        return jdbc.sql("select * from worst_case_assessment where meeting_id = ?")
                .param(meetingId)
                .query((rs, n) -> new WorstCaseAssessment(
                        postId,
                        meetingId,
                        Classification.valueOf(rs.getString("classification")),
                        rs.getString("text"),
                        rs.getObject("written_at", OffsetDateTime.class),
                        rs.getString("written_by")))
                .optional();
    }

    private List<MinutePortion> portions(long postId, long meetingId) {
        return jdbc.sql("select * from minute_portion where meeting_id = ? order by position")
                .param(meetingId)
                .query((rs, n) -> portion(postId, rs))
                .list();
    }

    private static void requireWithinClearance(Actor actor, Classification classification) {
        if (classification == null) {
            throw new InvalidInputException(
                    "classification", "is required: one of UNCLASSIFIED, SBU, CONFIDENTIAL, SECRET");
        }
        if (!actor.clearance().dominates(classification)) {
            throw new InvalidInputException(
                    "classification",
                    "is above your clearance (" + actor.clearance().label() + ")");
        }
    }

    private static MinutePortion portion(long postId, ResultSet rs) throws SQLException {
        return new MinutePortion(
                postId,
                rs.getLong("id"),
                rs.getLong("meeting_id"),
                rs.getInt("position"),
                Classification.valueOf(rs.getString("classification")),
                rs.getString("text"),
                rs.getObject("written_at", OffsetDateTime.class),
                rs.getString("written_by"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
