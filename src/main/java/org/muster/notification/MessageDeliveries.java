package org.muster.notification;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the delivery table for the message list: counts by status of many messages at once. Callers
 * check the reader; one page of a message's deliveries comes from {@link Deliveries}.
 */
@Component
class MessageDeliveries {
    private final JdbcClient jdbc;

    MessageDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deliveries by status for each of the messages. */
    Map<Long, Map<DeliveryStatus, Long>> summaries(List<Long> messageIds) {
        Map<Long, Map<DeliveryStatus, Long>> all = new HashMap<>();
        jdbc.sql(
                        "select message_id, status, count(*) from delivery where message_id = any(?) group by message_id, status")
                .param(messageIds.toArray(Long[]::new))
                .query(rs -> {
                    all.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(DeliveryStatus.class))
                            .put(DeliveryStatus.valueOf(rs.getString(2)), rs.getLong(3));
                });
        return all;
    }
}
