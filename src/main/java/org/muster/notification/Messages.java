package org.muster.notification;

import org.muster.audit.AuditLog;
import org.muster.people.Reachable;
import org.muster.security.Reader;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Composing and sending messages. {@link #preview} shows what a draft would do (the audience
 * resolved to counts by category and channel, who cannot be reached on a chosen channel, the texts
 * each language gets, the problems); {@link #send} checks the same, then queues the message through
 * the {@link Outbox} with its audit entry in one transaction and returns its id.
 *
 * <p>Who may message whom is decided by {@link MessageAccess} (403, nothing read or written, for a
 * refused reader); the sender's clearance must dominate the marking, and content above unclassified
 * goes to in-app notices only. Each person of the audience gets one delivery per chosen channel they
 * can be reached on: e-mail to their latest-verified address, SMS to their latest-verified phone,
 * in-app always; their language is the register's. A message about a threat that cannot reach
 * private citizens opens a {@link ReviewTasks review task} for an equivalent public message; a public
 * message may close one. Thread-safe.
 */
@Service
public class Messages {
    private final MessageAccess access;
    private final DraftCheck drafts;
    private final ReviewTasks reviews;
    private final Outbox outbox;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    Messages(
            MessageAccess access,
            DraftCheck drafts,
            ReviewTasks reviews,
            Outbox outbox,
            AuditLog audit,
            JdbcClient jdbc,
            JsonMapper json) {
        this.access = access;
        this.drafts = drafts;
        this.reviews = reviews;
        this.outbox = outbox;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The reader, if they may message someone at the post (403 otherwise): for the compose page. */
    public Reader requireSender(long postId) {
        return access.requireSender(postId);
    }

    /** Whether the reader may choose any kind of audience (a warden alone is held to their own list). */
    public boolean mayChooseAnyAudience(Reader reader) {
        return access.mayChooseAnyAudience(reader);
    }

    /** Whether the reader may message someone at the post. */
    public boolean maySend(long postId) {
        return access.maySend(postId);
    }

    /** What sending the draft would do; writes nothing. Fails with 403 for a reader who may not send it. */
    @Transactional(readOnly = true)
    public Preview preview(long postId, Draft draft) {
        return drafts.plan(postId, draft).preview();
    }

    /**
     * Sends the draft: the message, its texts and its deliveries are queued, and the audit entry
     * written, in one transaction. Refuses (403) a reader who may not message this audience with this
     * marking, and any problem of the preview as {@link InvalidInputException} naming its field;
     * nothing is written then. Returns the message's id.
     */
    @Transactional
    public long send(long postId, Draft draft) {
        DraftCheck.Plan plan = drafts.plan(postId, draft);
        Preview p = plan.preview();
        if (!p.sendable()) {
            Preview.Problem first = p.problems().get(0);
            throw new InvalidInputException(first.field(), first.message());
        }
        long id = outbox.enqueue(
                new OutgoingMessage(
                        postId,
                        draft.classification(),
                        p.texts(),
                        draft.channels(),
                        json.writeValueAsString(draft.audience()),
                        plan.audience().label(),
                        plan.audience().toPublic(),
                        draft.threat(),
                        plan.reader().username()),
                plan.recipients());
        Long task = null;
        if (draft.reviewTaskId() != null) {
            reviews.closeBy(postId, draft.reviewTaskId(), id, plan.reader().username());
            task = draft.reviewTaskId();
        }
        int citizens = (int) plan.reached().stream().filter(Reachable::isPublic).count();
        jdbc.sql(
                        "insert into message_reach (message_id, post_id, sent_at, to_public, people, citizens, unreachable_email,"
                                + " unreachable_sms, template_name, review_task_id)"
                                + " select id, post_id, created_at, to_public, ?, ?, ?, ?, ?, ? from message where id = ?")
                .params(
                        plan.reached().size(),
                        citizens,
                        unreachable(p, Channel.EMAIL),
                        unreachable(p, Channel.SMS),
                        draft.template(),
                        task,
                        id)
                .update();
        MessageText english = p.texts().get(Language.ENGLISH);
        audit.record(
                "message.sent",
                postId,
                "Message #" + id + " '"
                        + (draft.classification().compareTo(Classification.SBU) > 0
                                ? "(subject marked " + draft.classification().name() + ")"
                                : english.subject())
                        + "' to " + plan.audience().label() + ": "
                        + p.deliveries().getOrDefault(Channel.EMAIL, 0) + " recipients by e-mail, "
                        + p.deliveries().getOrDefault(Channel.SMS, 0) + " by SMS, "
                        + p.deliveries().getOrDefault(Channel.IN_APP, 0) + " in-app"
                        + (draft.threat() ? "; about a threat" : "")
                        + (plan.audience().toPublic() ? "; reaches private citizens" : "; official staff only"));
        if (draft.threat() && !plan.audience().toPublic()) {
            reviews.openFor(postId, id);
        }
        return id;
    }

    private static int unreachable(Preview p, Channel c) {
        Preview.Unreachable u = p.unreachable().get(c);
        return u == null ? 0 : u.count();
    }
}
