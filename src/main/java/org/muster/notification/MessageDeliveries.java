package org.muster.notification;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.muster.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the delivery table for the message pages: counts by status and one page of deliveries.
 * The senders' own view of deliveries ({@code Deliveries} of issue 6's sending part) replaces this
 * when it is merged. Callers check the reader.
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

    /** One page of a message's deliveries (status null: all), by name, then channel. */
    DeliveryPage page(long postId, long messageId, Classification marking, DeliveryStatus status, int page, int size) {
        long[] total = {0};
        List<DeliveryRow> rows = jdbc.sql(
                        "select d.*, p.given_name, p.family_name, count(*) over () total from delivery d"
                                + " left join person p on p.id = d.person_id"
                                + " where d.message_id = ? and (?::text is null or d.status = ?)"
                                + " order by p.family_name, p.given_name, d.person_id, d.channel limit ? offset ?")
                .params(
                        messageId,
                        status == null ? null : status.name(),
                        status == null ? null : status.name(),
                        size,
                        (long) page * size)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    String family = rs.getString("family_name");
                    String given = rs.getString("given_name");
                    return new DeliveryRow(
                            rs.getObject("id", UUID.class),
                            postId,
                            marking,
                            rs.getObject("person_id", Long.class),
                            family == null ? "" : given == null || given.isBlank() ? family : family + ", " + given,
                            Channel.valueOf(rs.getString("channel")),
                            rs.getString("address"),
                            Language.parse("language", rs.getString("language")),
                            DeliveryStatus.valueOf(rs.getString("status")),
                            rs.getInt("attempts"),
                            rs.getObject("sent_at", OffsetDateTime.class),
                            rs.getObject("delivered_at", OffsetDateTime.class),
                            rs.getString("failure"));
                })
                .list();
        return new DeliveryPage(rows, status, page, size, total[0]);
    }
}
