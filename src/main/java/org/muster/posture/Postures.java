package org.muster.posture;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.muster.audit.AuditLog;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posture of each post, its requests and decisions. Only the chief of mission of the post
 * requests a posture (with a justification, while a crisis is open, one request pending at a time);
 * only the crisis's configured approver, holding the approving authority role, approves or refuses
 * it, with a reason. Everyone else is refused with {@code AccessDeniedException} and nothing
 * changes: a committee member (the committee only recommends), another approving authority, the
 * chief of mission deciding their own request, a non-member. Any member of the post reads the
 * posture, its clocks and its history.
 *
 * <p>Every change is audited in its transaction; a request publishes {@link PostureRequested}, an
 * approval {@link PostureChanged}. Times come from the injected {@link Clock}. Thread-safe.
 */
@Service
public class Postures {
    static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final PostureAccess access;
    private final PostureRows rows;
    private final PostureDecisions decisions;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Postures(
            JdbcClient jdbc,
            PostureAccess access,
            PostureRows rows,
            PostureDecisions decisions,
            NeedToKnow needToKnow,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.rows = rows;
        this.decisions = decisions;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The posture in force at the post (normal for everyone until a request is approved). */
    public PostureStatus current(long postId) {
        access.reader(postId);
        return rows.status(postId);
    }

    /**
     * The posture in force at each of {@code postIds} the reader is a member of (others are left out
     * silently), read in two statements whatever their number: the task force's overview.
     */
    public java.util.Map<Long, PostureStatus> currentAll(Collection<Long> postIds) {
        Reader reader = needToKnow.reader();
        Long[] ids = postIds.stream().filter(reader::isMemberOf).distinct().toArray(Long[]::new);
        return ids.length == 0 ? java.util.Map.of() : rows.statuses(ids);
    }

    /** The clocks of a posture in force (see {@link #currentAll}), at this instant. */
    public PostureClocks clocks(PostureStatus status) {
        return PostureClocks.of(status, clock.instant());
    }

    /** The review and 180-day clocks of the posture in force, now. */
    public PostureClocks clocks(long postId) {
        return PostureClocks.of(current(postId), clock.instant());
    }

    /** Every request of the post with its decision, newest first. */
    public List<PostureRequest> history(long postId) {
        access.reader(postId);
        return rows.requests(postId);
    }

    /** Every review recorded at the post, newest first. */
    public List<PostureReview> reviews(long postId) {
        access.reader(postId);
        return rows.reviews(postId);
    }

    /**
     * The pending requests of those of {@code postIds} the reader is a member of (others are left out
     * silently), oldest first: the approving authority's and the task force's queue.
     */
    public List<PostureRequest> pending(Collection<Long> postIds) {
        Reader reader = needToKnow.reader();
        Long[] ids = postIds.stream().filter(reader::isMemberOf).distinct().toArray(Long[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        return needToKnow.filter(jdbc.sql(PostureRows.REQUEST + " where post_id = any(?) and status = 'PENDING'"
                        + " order by requested_at, id")
                .param(ids)
                .query(PostureRows::request)
                .list());
    }

    /**
     * The chief of mission requests {@code posture} for {@code subset} (null: everyone). Refused,
     * naming the field, without an open crisis, without a justification, with a subset for normal or
     * suspension (they concern everyone), for the posture already in force, or while another request
     * of the post is pending.
     */
    @Transactional
    public PostureRequest request(long postId, Posture posture, Subset subset, String justification) {
        Reader reader = access.requester(postId);
        Subset whom = subset == null ? Subset.EVERYONE : subset;
        if (posture == null) {
            throw new InvalidInputException("posture", "is required");
        }
        String why = text("justification", justification);
        if ((posture == Posture.NORMAL || posture == Posture.SUSPENSION) && !whom.everyone()) {
            throw new InvalidInputException("subset", posture.label() + " concerns everyone; leave the subset empty");
        }
        jdbc.sql("select id from crisis where post_id = ? and closed_at is null for no key update")
                .param(postId)
                .query(Long.class)
                .optional();
        Crisis crisis = Crises.open(jdbc, postId)
                .orElseThrow(() -> new InvalidInputException(
                        "crisis", "open a crisis naming its accountable official and approving authority first"));
        PostureStatus now = rows.status(postId);
        if (now.posture() == posture && now.subset().equals(whom)) {
            throw new InvalidInputException("posture", now.describe() + " is already in force");
        }
        jdbc.sql(PostureRows.REQUEST + " where post_id = ? and status = 'PENDING'")
                .param(postId)
                .query(PostureRows::request)
                .optional()
                .ifPresent(p -> {
                    throw new InvalidInputException(
                            "posture", "request #" + p.id() + " (" + p.posture().label() + ") is still pending");
                });
        OffsetDateTime at = now();
        long id = jdbc.sql("insert into posture_request (post_id, crisis_id, posture, categories, under_age,"
                        + " justification, requested_at, requested_by_id, requested_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " returning id")
                .params(
                        postId,
                        crisis.id(),
                        posture.name(),
                        whom.categoryNames(),
                        whom.underAge(),
                        why,
                        at,
                        reader.userId(),
                        reader.username())
                .query(Long.class)
                .single();
        audit.record(
                "posture.requested",
                postId,
                "Request #" + id + ": " + posture.label() + " for " + whom.describe() + " (now " + now.describe()
                        + "); approving authority " + crisis.approver() + ". Justification: " + why);
        events.publishEvent(new PostureRequested(postId, id, posture, whom, reader.username(), at.toInstant()));
        return get(id);
    }

    /**
     * The configured approver approves a pending request, with a reason: its posture is in force from
     * now, and {@link PostureChanged} is published. Anyone else is refused ({@code AccessDeniedException});
     * a decided request or a missing reason is refused naming {@code request} or {@code reason}.
     */
    @Transactional
    public PostureRequest approve(long requestId, String reason) {
        return decisions.approve(requestId, reason);
    }

    /** The configured approver refuses a pending request, with a reason; the posture in force does not change. */
    @Transactional
    public PostureRequest refuse(long requestId, String reason) {
        return decisions.refuse(requestId, reason);
    }

    /**
     * Records a review of the departure status in force (by the chief of mission or the crisis's
     * approving authority); the next review falls due {@value PostureClocks#REVIEW_DAYS} days later.
     */
    @Transactional
    public PostureClocks recordReview(long postId, String note) {
        Crisis crisis = Crises.open(jdbc, postId).orElse(null);
        Reader reader =
                access.reviewer(postId, crisis == null ? -1 : crisis.approver().userId());
        String text = text("note", note);
        PostureStatus status = rows.status(postId);
        if (!status.posture().departure()) {
            throw new InvalidInputException(
                    "posture", "only an authorized or ordered departure is reviewed (now " + status.describe() + ")");
        }
        long period = rows.periodInForce(postId).orElseThrow();
        jdbc.sql("insert into posture_review (period_id, reviewed_at, reviewed_by, note) values (?, ?, ?, ?)")
                .params(period, now(), reader.username(), text)
                .update();
        audit.record("posture.reviewed", postId, "Review of " + status.describe() + ": " + text);
        return clocks(postId);
    }

    /** One request, for a member of its post. */
    public PostureRequest get(long requestId) {
        PostureRequest r = rows.request(requestId);
        access.reader(r.postId());
        return r;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static String text(String field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "is required (at most " + MAX_TEXT + " characters)");
        }
        return text;
    }
}
