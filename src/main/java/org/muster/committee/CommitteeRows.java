package org.muster.committee;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.muster.shared.Classification;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reading meetings, agenda items and decisions from their rows; no access checks (callers make them). */
@Component
class CommitteeRows {
    private final JdbcClient jdbc;

    CommitteeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The meeting of the post, locked for the rest of the transaction when {@code forUpdate}. */
    Meeting meeting(long postId, long meetingId, boolean forUpdate) {
        return jdbc.sql("select * from committee_meeting where id = ? and post_id = ?"
                        + (forUpdate ? " for update" : ""))
                .params(meetingId, postId)
                .query(CommitteeRows::meeting)
                .optional()
                .orElseThrow(() -> notFound(meetingId));
    }

    /** The meeting, locked, refused unless it is in session. */
    Meeting inSession(long postId, long meetingId) {
        Meeting meeting = meeting(postId, meetingId, true);
        if (meeting.closed()) {
            throw CommitteeConflictException.closed(meetingId);
        }
        if (meeting.status() != MeetingStatus.IN_SESSION) {
            throw CommitteeConflictException.notInSession(meetingId);
        }
        return meeting;
    }

    List<AgendaEntry> agenda(long postId, long meetingId) {
        return jdbc.sql("select * from agenda_item where meeting_id = ? order by position")
                .param(meetingId)
                .query((rs, n) -> agendaEntry(postId, rs))
                .list();
    }

    List<Decision> decisions(long postId, long meetingId) {
        return jdbc.sql(
                        "select d.*, coalesce(array_agg(a.id order by a.position) filter (where a.id is not null), '{}') items"
                                + " from committee_decision d left join agenda_item a on a.decision_id = d.id"
                                + " where d.meeting_id = ? group by d.id order by d.id")
                .param(meetingId)
                .query((rs, n) -> decision(postId, rs))
                .list();
    }

    static Meeting meeting(ResultSet rs, int n) throws SQLException {
        return new Meeting(
                rs.getLong("post_id"),
                rs.getLong("id"),
                rs.getString("title"),
                rs.getObject("scheduled_for", OffsetDateTime.class),
                rs.getBoolean("convened"),
                rs.getString("reason"),
                MeetingStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"),
                rs.getObject("opened_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class));
    }

    static AgendaEntry agendaEntry(long postId, ResultSet rs) throws SQLException {
        return new AgendaEntry(
                postId,
                rs.getLong("id"),
                rs.getLong("meeting_id"),
                rs.getInt("position"),
                AgendaKind.valueOf(rs.getString("kind")),
                rs.getObject("reference_id", Long.class),
                rs.getString("title"),
                Classification.valueOf(rs.getString("classification")),
                rs.getObject("decide_by", OffsetDateTime.class),
                rs.getString("added_by"),
                rs.getObject("decision_id", Long.class));
    }

    private static Decision decision(long postId, ResultSet rs) throws SQLException {
        Array items = rs.getArray("items");
        return new Decision(
                postId,
                rs.getLong("id"),
                rs.getLong("meeting_id"),
                rs.getObject("recommendation_id", Long.class),
                List.of((Long[]) items.getArray()),
                rs.getString("summary"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decided_by"));
    }

    static NotFoundException notFound(long meetingId) {
        return new NotFoundException("No committee meeting " + meetingId + " at this post");
    }
}
