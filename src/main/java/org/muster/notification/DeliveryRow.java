package org.muster.notification;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/** One delivery of a message as its status page lists it: to whom, how, and where it stands. */
public record DeliveryRow(
        UUID id,
        long postId,
        Classification classification,
        Long personId,
        String name,
        Channel channel,
        String address,
        Language language,
        DeliveryStatus status,
        int attempts,
        OffsetDateTime sentAt,
        OffsetDateTime deliveredAt,
        String failure)
        implements Marked {}
