package org.muster.notification.sending;

import java.time.Clock;
import java.util.List;
import org.muster.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notes when a message's sending is over (no delivery left QUEUED or SENDING) and audits it once,
 * with the figures. Deliveries are not audited one by one: an entry each would put every send on the
 * audit chain's lock; the {@code delivery} rows are their record.
 */
@Component
class MessageCompletion {
    static final String ACTOR = "notification sender";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;

    MessageCompletion(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** Of these messages, marks and audits those whose sending has just finished. */
    void finish(List<Long> messageIds) {
        tx.executeWithoutResult(status -> {
            // Two transactions may each change a message's last outstanding deliveries (a sender's
            // outcomes, a gateway's receipt): the row lock orders their checks, and the check below,
            // a statement of its own, sees what the other committed.
            jdbc.sql("select id from message where id = any(?) order by id for update")
                    .param(messageIds.toArray(Long[]::new))
                    .query(Long.class)
                    .list();
            List<Finished> finished = jdbc.sql("update message m set sending_finished_at = ?"
                            + " where m.id = any(?) and m.sending_finished_at is null and not exists"
                            + " (select 1 from delivery d where d.message_id = m.id"
                            + " and d.status in ('QUEUED', 'SENDING'))"
                            + " returning m.id, m.post_id, m.recipients,"
                            + " (select count(*) from delivery d where d.message_id = m.id"
                            + " and d.status in ('SENT', 'DELIVERED')) done,"
                            + " (select count(*) from delivery d where d.message_id = m.id and d.status = 'FAILED') failed,"
                            + " (select count(*) from delivery d where d.message_id = m.id"
                            + " and d.resent_in_flight > 0) twice")
                    .params(DeliveryQueue.at(clock.instant()), messageIds.toArray(Long[]::new))
                    .query((rs, n) -> new Finished(
                            rs.getLong("id"),
                            rs.getLong("post_id"),
                            rs.getInt("recipients"),
                            rs.getLong("done"),
                            rs.getLong("failed"),
                            rs.getLong("twice")))
                    .list();
            for (Finished f : finished) {
                audit.recordAs(
                        ACTOR,
                        "notification.finished",
                        f.postId(),
                        "message " + f.id() + ", " + f.deliveries() + " deliveries: " + f.done() + " sent, "
                                + f.failed() + " failed, " + f.twice() + " possibly sent twice");
            }
        });
    }

    private record Finished(long id, long postId, int deliveries, long done, long failed, long twice) {}
}
