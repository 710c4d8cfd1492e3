package org.muster.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.muster.security.NeedToKnow;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a message's deliveries stand: counts by status and channel, and a page of recipients with
 * each one's status, attempts, times, failure reason and how often it may have been sent twice.
 * Readable by members of the message's post whose clearance dominates the message's marking (else
 * {@code AccessDeniedException}); an unknown message is a {@link NotFoundException}. Read-only.
 */
@Service
public class Deliveries {
    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;

    Deliveries(JdbcClient jdbc, NeedToKnow needToKnow) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
    }

    /**
     * Deliveries by status for each of the messages, many at once (the message list). Checks no
     * reader: callers have already read the messages through {@link NeedToKnow}.
     */
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

    /** The counts of a message's deliveries by status, per channel and in all. */
    @Transactional(readOnly = true)
    public DeliverySummary summary(long messageId) {
        Header message = readable(messageId);
        Map<Channel, Map<DeliveryStatus, Long>> byChannel = new EnumMap<>(Channel.class);
        Map<DeliveryStatus, Long> byStatus = zeros();
        long[] twice = new long[2];
        jdbc.sql("select channel, status, count(*) n, count(*) filter (where resent_in_flight > 0) twice,"
                        + " coalesce(sum(resent_in_flight), 0) resends"
                        + " from delivery where message_id = ? group by channel, status")
                .param(messageId)
                .query(rs -> {
                    Channel channel = Channel.valueOf(rs.getString("channel"));
                    DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
                    long n = rs.getLong("n");
                    byChannel.computeIfAbsent(channel, c -> zeros()).merge(status, n, Long::sum);
                    byStatus.merge(status, n, Long::sum);
                    twice[0] += rs.getLong("twice");
                    twice[1] += rs.getLong("resends");
                });
        return new DeliverySummary(
                messageId,
                message.postId(),
                message.classification(),
                byStatus,
                byChannel,
                byStatus.values().stream().mapToLong(Long::longValue).sum(),
                twice[0],
                twice[1],
                message.finishedAt());
    }

    /**
     * A page (from 0) of a message's deliveries, optionally of one status, ordered by channel and
     * address; {@code size} from 1 to 500.
     */
    @Transactional(readOnly = true)
    public DeliveryPage page(long messageId, DeliveryStatus filter, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "a page number of 0 or more is required");
        }
        if (size < 1 || size > 500) {
            throw new InvalidInputException("size", "a page size of 1 to 500 is required");
        }
        Header message = readable(messageId);
        String status = filter == null ? null : filter.name();
        long total = jdbc.sql("select count(*) from delivery where message_id = ? and (?::text is null or status = ?)")
                .params(messageId, status, status)
                .query(Long.class)
                .single();
        List<DeliveryRow> rows = jdbc.sql(
                        "select d.id, d.person_id, concat_ws(', ', p.family_name, nullif(p.given_name, '')) full_name, d.channel, d.address, d.language,"
                                + " d.status, d.attempts, d.sent_at, d.delivered_at, d.failure, d.resent_in_flight"
                                + " from delivery d left join person p on p.id = d.person_id"
                                + " where d.message_id = ? and (?::text is null or d.status = ?)"
                                + " order by d.channel, d.address nulls last, d.person_id, d.id limit ? offset ?")
                .params(messageId, status, status, size, (long) page * size)
                .query((rs, n) -> new DeliveryRow(
                        rs.getObject("id", UUID.class),
                        (Long) rs.getObject("person_id"),
                        rs.getString("full_name"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("address"),
                        Language.parse("language", rs.getString("language")),
                        DeliveryStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        instant(rs.getObject("sent_at", OffsetDateTime.class)),
                        instant(rs.getObject("delivered_at", OffsetDateTime.class)),
                        rs.getString("failure"),
                        rs.getInt("resent_in_flight")))
                .list();
        return new DeliveryPage(messageId, message.postId(), message.classification(), filter, page, size, total, rows);
    }

    private Header readable(long messageId) {
        Header message = jdbc.sql("select post_id, classification, sending_finished_at from message where id = ?")
                .param(messageId)
                .query((rs, n) -> new Header(
                        rs.getLong("post_id"),
                        Classification.valueOf(rs.getString("classification")),
                        instant(rs.getObject("sending_finished_at", OffsetDateTime.class))))
                .optional()
                .orElseThrow(() -> new NotFoundException("message " + messageId));
        needToKnow.check(message);
        return message;
    }

    private static Map<DeliveryStatus, Long> zeros() {
        Map<DeliveryStatus, Long> m = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus s : DeliveryStatus.values()) {
            m.put(s, 0L);
        }
        return m;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private record Header(long postId, Classification classification, Instant finishedAt)
            implements org.muster.shared.Marked {}
}
