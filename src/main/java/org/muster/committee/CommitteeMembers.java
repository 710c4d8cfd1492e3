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
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sits on a post's Emergency Action Committee. Any member of the post reads the list; the
 * chief of mission or an administrator appoints and removes members, who must be members of the
 * post. A member who leaves the post drops off the list (their votes and attendance stay on the
 * record). Every change leaves an audit entry. Times come from the injected {@link Clock}.
 */
@Service
public class CommitteeMembers {
    /** A member of the post who could be appointed. */
    public record Candidate(String username, String displayName) {}

    private final JdbcClient jdbc;
    private final CommitteeAccess access;
    private final AuditLog audit;
    private final Clock clock;

    CommitteeMembers(JdbcClient jdbc, CommitteeAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The committee, chair first, then by title. */
    public List<CommitteeMember> list(long postId) {
        access.requirePostMember(postId);
        return jdbc.sql("select c.*, u.username, u.display_name from committee_member c"
                        + " join app_user u on u.id = c.user_id"
                        + " join post_membership m on m.user_id = c.user_id and m.post_id = c.post_id"
                        + " where c.post_id = ? order by c.chair desc, c.title, u.display_name")
                .param(postId)
                .query(CommitteeMembers::member)
                .list();
    }

    /** The current reader's seat on the post's committee, if they have one. */
    public Optional<CommitteeMember> mySeat(long postId) {
        long userId = access.requirePostMember(postId).userId();
        return list(postId).stream().filter(m -> m.userId() == userId).findFirst();
    }

    /** Members of the post (enabled accounts) not on the committee, for the appointment form. */
    public List<Candidate> candidates(long postId) {
        access.requireManager(postId);
        return jdbc.sql("select u.username, u.display_name from post_membership m join app_user u on u.id = m.user_id"
                        + " where m.post_id = ? and u.enabled and not exists (select 1 from committee_member c"
                        + " where c.post_id = m.post_id and c.user_id = u.id) order by u.display_name")
                .param(postId)
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2)))
                .list();
    }

    /**
     * Appoints a member of the post to the committee under {@code title}, or changes the title and
     * chair of someone already on it. Making someone chair makes the previous chair an ordinary member.
     */
    @Transactional
    public CommitteeMember appoint(long postId, String username, String title, boolean chair) {
        Actor actor = access.requireManager(postId);
        String name = Names.required("title", title, 100);
        long userId = jdbc.sql("select u.id from app_user u join post_membership m on m.user_id = u.id"
                        + " where u.username = ? and m.post_id = ?")
                .params(username == null ? "" : username.trim(), postId)
                .query(Long.class)
                .optional()
                .orElseThrow(
                        () -> new InvalidInputException("username", "'" + username + "' is not a member of this post"));
        if (chair) {
            jdbc.sql("update committee_member set chair = false where post_id = ? and chair and user_id <> ?")
                    .params(postId, userId)
                    .update();
        }
        boolean existed = access.seat(postId, userId).isPresent();
        jdbc.sql("insert into committee_member (post_id, user_id, title, chair, added_at, added_by)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (post_id, user_id)"
                        + " do update set title = excluded.title, chair = excluded.chair")
                .params(postId, userId, name, chair, now(), actor.username())
                .update();
        audit.record(
                existed ? "committee.member-changed" : "committee.member-appointed",
                postId,
                username.trim() + " " + (existed ? "now sits" : "appointed") + " on the committee as " + name
                        + (chair ? " (chair)" : ""));
        return list(postId).stream()
                .filter(m -> m.userId() == userId)
                .findFirst()
                .orElseThrow();
    }

    /** Removes someone from the committee; their votes and attendance stay on the record. */
    @Transactional
    public void remove(long postId, String username) {
        access.requireManager(postId);
        int removed = jdbc.sql("delete from committee_member c using app_user u"
                        + " where u.id = c.user_id and c.post_id = ? and u.username = ?")
                .params(postId, username == null ? "" : username.trim())
                .update();
        if (removed == 0) {
            throw new InvalidInputException("username", "'" + username + "' does not sit on this committee");
        }
        audit.record("committee.member-removed", postId, username.trim() + " removed from the committee");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static CommitteeMember member(ResultSet rs, int n) throws SQLException {
        return new CommitteeMember(
                rs.getLong("post_id"),
                rs.getLong("user_id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("title"),
                rs.getBoolean("chair"),
                rs.getObject("added_at", OffsetDateTime.class),
                rs.getString("added_by"));
    }
}
