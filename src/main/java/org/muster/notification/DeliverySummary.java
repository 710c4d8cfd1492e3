package org.muster.notification;

import java.time.Instant;
import java.util.Map;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * A message's deliveries counted: by status (every status present, zero included), by channel and
 * status (channels the message uses), in all; how many deliveries may have been sent twice (sent
 * again after their sender was lost mid-send) and how many such resends there were; and when the
 * last delivery left the queue for good (null while some are queued or being sent).
 */
public record DeliverySummary(
        long messageId,
        long postId,
        Classification classification,
        Map<DeliveryStatus, Long> byStatus,
        Map<Channel, Map<DeliveryStatus, Long>> byChannel,
        long total,
        long possiblySentTwice,
        long resentInFlight,
        Instant finishedAt)
        implements Marked {
    public DeliverySummary {
        byStatus = Map.copyOf(byStatus);
        byChannel = Map.copyOf(byChannel);
    }

    public long count(DeliveryStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** Deliveries still queued or being sent. */
    public long pending() {
        return count(DeliveryStatus.QUEUED) + count(DeliveryStatus.SENDING);
    }
}
