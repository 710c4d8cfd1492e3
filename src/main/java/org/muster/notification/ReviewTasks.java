package org.muster.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.muster.audit.AuditLog;
import org.muster.security.NeedToKnow;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The no-double-standard review tasks: a message about a threat sent to official staff only asks
 * the post's consular section for an equivalent public message. {@link Messages#send} opens one and
 * closes one (a public message linked to it); the consular section, the chief of mission or an
 * administrator may instead close it with a reason. Members read the tasks their clearance allows
 * (a task shows its message's subject). Opening and closing are audited. Thread-safe.
 */
@Service
public class ReviewTasks {
    private static final String SELECT = "select r.*, m.classification, m.audience_label, m.created_by sent_by,"
            + " coalesce(t.subject, '') subject from message_review_task r join message m on m.id = r.message_id"
            + " left join message_text t on t.message_id = m.id and t.language = 'en-US'";

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final Clock clock;

    ReviewTasks(JdbcClient jdbc, NeedToKnow needToKnow, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
    }

    /** The post's open tasks the reader may see, oldest first. */
    public List<ReviewTask> open(long postId) {
        needToKnow.requireMember(postId);
        return needToKnow.filter(jdbc.sql(SELECT + " where r.post_id = ? and r.closed_at is null order by r.id")
                .param(postId)
                .query(ReviewTasks::task)
                .list());
    }

    /** One task of the post, open or closed. */
    public ReviewTask get(long postId, long taskId) {
        needToKnow.requireMember(postId);
        return needToKnow.check(find(postId, taskId)
                .orElseThrow(() -> new NotFoundException("No review task " + taskId + " at this post")));
    }

    /** Closes an open task with the reason no public message is needed; refuses a blank reason, naming {@code reason}. */
    @Transactional
    public ReviewTask closeWithReason(long postId, long taskId, String reason) {
        var reader = needToKnow.requireRole(postId, MessageAccess.REVIEWERS);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw new InvalidInputException("reason", "say why no public message is needed (1 to 2,000 characters)");
        }
        ReviewTask task = requireOpen(postId, taskId);
        jdbc.sql("update message_review_task set closed_at = ?, closed_by = ?, reason = ? where id = ?")
                .params(OffsetDateTime.now(clock), reader.username(), why, task.id())
                .update();
        audit.record(
                "message-review.closed",
                postId,
                "Review task #" + task.id() + " (threat message #" + task.messageId()
                        + ") closed without a public message: " + why);
        return find(postId, taskId).orElseThrow();
    }

    /** Opens the task for a threat message to official staff only, in the sender's transaction. */
    long openFor(long postId, long messageId) {
        long id = jdbc.sql(
                        "insert into message_review_task (post_id, message_id, created_at) values (?, ?, ?) returning id")
                .params(postId, messageId, OffsetDateTime.now(clock))
                .query(Long.class)
                .single();
        audit.record(
                "message-review.opened",
                postId,
                "Review task #" + id + " for the consular section: message #" + messageId
                        + " about a threat reached official staff only; send an equivalent public message");
        return id;
    }

    /** Closes the task by the public message just sent, in the sender's transaction. */
    void closeBy(long postId, long taskId, long messageId, String username) {
        requireOpen(postId, taskId);
        jdbc.sql("update message_review_task set closed_at = ?, closed_by = ?, closing_message_id = ? where id = ?")
                .params(OffsetDateTime.now(clock), username, messageId, taskId)
                .update();
        audit.record(
                "message-review.closed", postId, "Review task #" + taskId + " closed by public message #" + messageId);
    }

    /** The open task of the post, locked until the transaction ends; refused, naming {@code reviewTaskId}, otherwise. */
    ReviewTask requireOpen(long postId, long taskId) {
        Optional<ReviewTask> task = jdbc.sql(SELECT + " where r.post_id = ? and r.id = ? for update of r")
                .params(postId, taskId)
                .query(ReviewTasks::task)
                .optional();
        if (task.isEmpty() || !task.get().open()) {
            throw new InvalidInputException("reviewTaskId", "no open review task #" + taskId + " at this post");
        }
        return task.get();
    }

    /** Whether the reader may close the post's review tasks with a reason. */
    public boolean mayClose(long postId) {
        return needToKnow.requireMember(postId).hasAny(MessageAccess.REVIEWERS);
    }

    private Optional<ReviewTask> find(long postId, long taskId) {
        return jdbc.sql(SELECT + " where r.post_id = ? and r.id = ?")
                .params(postId, taskId)
                .query(ReviewTasks::task)
                .optional();
    }

    private static ReviewTask task(ResultSet rs, int n) throws SQLException {
        return new ReviewTask(
                rs.getLong("id"),
                rs.getLong("post_id"),
                rs.getLong("message_id"),
                rs.getString("subject"),
                rs.getString("audience_label"),
                Classification.valueOf(rs.getString("classification")),
                rs.getString("sent_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("closed_by"),
                rs.getObject("closing_message_id", Long.class),
                rs.getString("reason"));
    }
}
