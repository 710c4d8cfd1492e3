package org.muster.notification.sending;

import java.time.Clock;
import java.util.List;
import org.muster.notification.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In-app notices: writes one {@code in_app_notice} per delivery and marks the delivery DELIVERED in the
 * same transaction, so a notice exists exactly when its delivery says so (a notice already written is
 * not written twice). Nothing leaves Muster, so any marking may go this way.
 */
@Component
class InAppChannel implements DeliveryChannel {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    InAppChannel(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Channel kind() {
        return Channel.IN_APP;
    }

    @Override
    public List<SendResult> send(List<OutgoingDelivery> batch) {
        String[] ids = batch.stream().map(d -> d.id().toString()).toArray(String[]::new);
        var now = DeliveryQueue.at(clock.instant());
        tx.executeWithoutResult(status -> {
            jdbc.sql("insert into in_app_notice (delivery_id, person_id, message_id, post_id, posted_at)"
                            + " select id, person_id, message_id, post_id, ? from delivery"
                            + " where id = any(?::text[]::uuid[]) and person_id is not null"
                            + " on conflict (delivery_id) do nothing")
                    .params(now, ids)
                    .update();
            jdbc.sql("update delivery set status = 'DELIVERED', sent_at = ?, delivered_at = ?, failure = null,"
                            + " claimed_by = null, lease_until = null"
                            + " where id = any(?::text[]::uuid[]) and status = 'SENDING'"
                            + " and exists (select 1 from in_app_notice n where n.delivery_id = delivery.id)")
                    .params(now, now, ids)
                    .update();
        });
        return batch.stream()
                .map(d -> d.personId() == null
                        ? SendResult.failed(d.id(), "an in-app notice needs a person")
                        : SendResult.delivered(d.id()))
                .toList();
    }
}
