package org.muster.posture;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.muster.audit.AuditLog;
import org.muster.security.Reader;
import org.muster.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approving and refusing posture requests (behind {@link Postures#approve} and {@link Postures#refuse}).
 * The request row is locked first, so two decisions of one request never both pass; the decider is
 * checked before the request's state, so a refused caller learns nothing more.
 */
@Component
class PostureDecisions {
    private final JdbcClient jdbc;
    private final PostureAccess access;
    private final PostureRows rows;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PostureDecisions(
            JdbcClient jdbc,
            PostureAccess access,
            PostureRows rows,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.rows = rows;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The configured approver approves a pending request; its posture is in force from now. */
    @Transactional
    PostureRequest approve(long requestId, String reason) {
        Decision d = decide(requestId, reason);
        PostureStatus before = rows.status(d.request().postId());
        OffsetDateTime at = now();
        PostureRequest r = d.request();
        jdbc.sql("update posture_period set ended_at = ? where post_id = ? and ended_at is null")
                .params(at, r.postId())
                .update();
        jdbc.sql("insert into posture_period (post_id, request_id, posture, categories, under_age, started_at,"
                        + " approved_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.postId(),
                        r.id(),
                        r.posture().name(),
                        r.subset().categoryNames(),
                        r.subset().underAge(),
                        at,
                        d.decider().username())
                .update();
        record(r, "APPROVED", at, d);
        audit.record(
                "posture.approved",
                r.postId(),
                "Request #" + r.id() + " approved: " + r.posture().label() + " for "
                        + r.subset().describe() + " in force (was " + before.describe() + "). Reason: " + d.reason());
        events.publishEvent(new PostureChanged(
                r.postId(),
                r.id(),
                before.posture(),
                r.posture(),
                r.subset(),
                d.decider().username(),
                at.toInstant()));
        return rows.request(requestId);
    }

    /** The configured approver refuses a pending request; the posture in force does not change. */
    @Transactional
    PostureRequest refuse(long requestId, String reason) {
        Decision d = decide(requestId, reason);
        PostureRequest r = d.request();
        record(r, "REFUSED", now(), d);
        audit.record(
                "posture.refused",
                r.postId(),
                "Request #" + r.id() + " refused: " + r.posture().label() + " for "
                        + r.subset().describe() + ". Reason: " + d.reason());
        return rows.request(requestId);
    }

    private record Decision(PostureRequest request, Reader decider, String reason) {}

    private Decision decide(long requestId, String reason) {
        jdbc.sql("select id from posture_request where id = ? for no key update")
                .param(requestId)
                .query(Long.class)
                .optional();
        PostureRequest r = rows.request(requestId);
        Crisis crisis = jdbc.sql(Crises.SELECT + " where c.id = ?")
                .param(r.crisisId())
                .query(Crises::crisis)
                .single();
        long requestedBy = jdbc.sql("select requested_by_id from posture_request where id = ?")
                .param(requestId)
                .query(Long.class)
                .single();
        Reader decider = access.decider(r.postId(), crisis.approver().userId(), requestedBy);
        if (!r.pending()) {
            throw new InvalidInputException(
                    "request",
                    "#" + r.id() + " was already " + r.status().label().toLowerCase(Locale.ROOT) + " by "
                            + r.decidedBy());
        }
        if (!crisis.open()) {
            throw new InvalidInputException("request", "its crisis '" + crisis.name() + "' is closed");
        }
        return new Decision(r, decider, Postures.text("reason", reason));
    }

    private void record(PostureRequest r, String status, OffsetDateTime at, Decision d) {
        jdbc.sql("update posture_request set status = ?, decided_at = ?, decided_by = ?, reason = ? where id = ?")
                .params(status, at, d.decider().username(), d.reason(), r.id())
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
