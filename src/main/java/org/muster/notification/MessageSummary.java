package org.muster.notification;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * A sent message as lists show it: its English subject, audience, marking, channels, deliveries by
 * status, whether it reaches private citizens and is about a threat, and who sent it when.
 */
public record MessageSummary(
        long id,
        long postId,
        Classification classification,
        String subject,
        String audienceLabel,
        Set<Channel> channels,
        boolean toPublic,
        boolean threat,
        int recipients,
        Map<DeliveryStatus, Long> statuses,
        String createdBy,
        OffsetDateTime createdAt)
        implements Marked {

    public long count(DeliveryStatus status) {
        return statuses.getOrDefault(status, 0L);
    }
}
