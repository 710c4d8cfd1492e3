package org.muster.committee;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.audit.AuditLog;
import org.muster.committee.CommitteeAccess.Actor;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the committee recommends. A committee member proposes a recommendation (a draft) at a
 * meeting in session; each member has one vote on it, changeable until it is final, and a member
 * voting against may record a dissent, which is kept and shown with it. The chair or the chief of
 * mission finalises it, which is refused, writing nothing, while the meeting has no worst-case
 * assessment. The committee only recommends: the decision is the chief of mission's
 * ({@link Committee#decide}).
 */
@Service
public class Recommendations {
    private final JdbcClient jdbc;
    private final CommitteeAccess access;
    private final CommitteeRows rows;
    private final MeetingMinutes minutes;
    private final AuditLog audit;
    private final Clock clock;

    Recommendations(
            JdbcClient jdbc,
            CommitteeAccess access,
            CommitteeRows rows,
            MeetingMinutes minutes,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.rows = rows;
        this.minutes = minutes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Proposes a draft recommendation; {@code posture} may be null (a recommendation of other action). */
    @Transactional
    public Recommendation propose(long postId, long meetingId, String text, RecommendedPosture posture) {
        Actor actor = access.requireCommitteeMember(postId);
        String body = Names.required("text", text, 5000);
        rows.inSession(postId, meetingId);
        long id = jdbc.sql("insert into recommendation (meeting_id, text, posture, status, proposed_at, proposed_by)"
                        + " values (?, ?, ?, 'DRAFT', ?, ?) returning id")
                .params(meetingId, body, posture == null ? null : posture.name(), now(), actor.username())
                .query(Long.class)
                .single();
        audit.record(
                "committee.recommendation-proposed",
                postId,
                "Meeting #" + meetingId + ": recommendation #" + id + " proposed"
                        + (posture == null ? "" : " (" + posture.label().toLowerCase() + ")"));
        return get(postId, id);
    }

    /**
     * Casts or changes the current member's vote on a draft. {@code dissent} (at most 5,000
     * characters) goes only with a vote against; voting against again without one keeps the dissent
     * already recorded, and a vote for or an abstention withdraws it.
     */
    @Transactional
    public Recommendation vote(long postId, long recommendationId, Vote vote, String dissent) {
        Actor actor = access.requireCommitteeMember(postId);
        if (actor.userId() == null) {
            throw new AccessDeniedException("Votes are cast by committee members, not by the system.");
        }
        if (vote == null) {
            throw new InvalidInputException("vote", "is required: one of FOR, AGAINST, ABSTAIN");
        }
        String text = Names.optional("dissent", dissent, 5000);
        if (text != null && vote != Vote.AGAINST) {
            throw new InvalidInputException("dissent", "is recorded only with a vote against");
        }
        Recommendation draft = lockDraft(postId, recommendationId);
        rows.inSession(postId, draft.meetingId());
        boolean changed = draft.voteOf(actor.userId()).isPresent();
        jdbc.sql("insert into recommendation_vote (recommendation_id, user_id, vote, dissent, cast_at)"
                        + " values (?, ?, ?, ?, ?) on conflict (recommendation_id, user_id) do update set"
                        + " vote = excluded.vote, cast_at = excluded.cast_at, dissent = case when excluded.vote = 'AGAINST'"
                        + " then coalesce(excluded.dissent, recommendation_vote.dissent) end")
                .params(recommendationId, actor.userId(), vote.name(), text, now())
                .update();
        audit.record(
                "committee.vote-cast",
                postId,
                "Recommendation #" + recommendationId + ": " + actor.username()
                        + (changed ? " changed their vote to " : " voted ") + vote.name()
                        + (text != null ? " and recorded a dissent" : ""));
        return get(postId, recommendationId);
    }

    /** Makes a draft final; refused (naming {@code worstCaseAssessment}) while the meeting has no worst-case assessment. */
    @Transactional
    public Recommendation finalise(long postId, long recommendationId) {
        Actor actor = access.requirePresiding(postId);
        Recommendation draft = lockDraft(postId, recommendationId);
        rows.inSession(postId, draft.meetingId());
        if (minutes.stored(postId, draft.meetingId()).isEmpty()) {
            throw new InvalidInputException(
                    "worstCaseAssessment",
                    "is required before a recommendation can be final: record the worst case the committee considered");
        }
        jdbc.sql("update recommendation set status = 'FINAL', finalised_at = ?, finalised_by = ? where id = ?")
                .params(now(), actor.username(), recommendationId)
                .update();
        audit.record(
                "committee.recommendation-finalised",
                postId,
                "Recommendation #" + recommendationId + " final: " + draft.count(Vote.FOR) + " for, "
                        + draft.count(Vote.AGAINST) + " against, " + draft.count(Vote.ABSTAIN) + " abstaining, "
                        + draft.dissents().size() + " dissent(s)");
        return get(postId, recommendationId);
    }

    /** The meeting's recommendations in the order proposed, with their votes. */
    public List<Recommendation> list(long postId, long meetingId) {
        access.requireReader(postId);
        rows.meeting(postId, meetingId, false);
        return find(postId, "meeting_id", meetingId);
    }

    public Recommendation get(long postId, long recommendationId) {
        access.requireReader(postId);
        return find(postId, "id", recommendationId).stream().findFirst().orElseThrow(() -> notFound(recommendationId));
    }

    /** One recommendation of the meeting; 404 when the meeting has no such recommendation. */
    public Recommendation get(long postId, long meetingId, long recommendationId) {
        Recommendation r = get(postId, recommendationId);
        if (r.meetingId() != meetingId) {
            throw notFound(recommendationId);
        }
        return r;
    }

    private Recommendation lockDraft(long postId, long recommendationId) {
        jdbc.sql("select r.id from recommendation r join committee_meeting m on m.id = r.meeting_id"
                        + " where r.id = ? and m.post_id = ? for update of r")
                .params(recommendationId, postId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> notFound(recommendationId));
        Recommendation r = find(postId, "id", recommendationId).get(0);
        if (r.isFinal()) {
            throw new CommitteeConflictException(
                    "Recommendation " + recommendationId + " is final; it is kept as voted.");
        }
        return r;
    }

    /** The post's recommendations whose {@code column} (id or meeting_id) is {@code id}. */
    private List<Recommendation> find(long postId, String column, long id) {
        String where = "m.post_id = ? and r." + column + " = ?";
        Map<Long, List<CastVote>> votes = new HashMap<>();
        jdbc.sql("select v.*, u.username, u.display_name from recommendation_vote v join app_user u on u.id = v.user_id"
                        + " join recommendation r on r.id = v.recommendation_id"
                        + " join committee_meeting m on m.id = r.meeting_id where " + where
                        + " order by v.cast_at, u.username")
                .params(postId, id)
                .query(rs -> {
                    votes.computeIfAbsent(rs.getLong("recommendation_id"), k -> new ArrayList<>())
                            .add(vote(rs));
                });
        return jdbc.sql("select r.* from recommendation r join committee_meeting m on m.id = r.meeting_id where "
                        + where + " order by r.id")
                .params(postId, id)
                .query((rs, n) -> recommendation(postId, rs, votes.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    private static CastVote vote(ResultSet rs) throws SQLException {
        return new CastVote(
                rs.getLong("user_id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Vote.valueOf(rs.getString("vote")),
                rs.getString("dissent"),
                rs.getObject("cast_at", OffsetDateTime.class));
    }

    private static Recommendation recommendation(long postId, ResultSet rs, List<CastVote> votes) throws SQLException {
        String posture = rs.getString("posture");
        return new Recommendation(
                postId,
                rs.getLong("id"),
                rs.getLong("meeting_id"),
                rs.getString("text"),
                posture == null ? null : RecommendedPosture.valueOf(posture),
                RecommendationStatus.valueOf(rs.getString("status")),
                rs.getObject("proposed_at", OffsetDateTime.class),
                rs.getString("proposed_by"),
                rs.getObject("finalised_at", OffsetDateTime.class),
                rs.getString("finalised_by"),
                votes);
    }

    static NotFoundException notFound(long recommendationId) {
        return new NotFoundException("No recommendation " + recommendationId + " at this post");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
