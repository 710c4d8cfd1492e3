package org.muster.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery to one recipient: the person (null for an address outside the register) and their
 * name, channel, address (null in-app), language, status, attempts so far, when it was handed to the
 * channel and confirmed, the last failure's reason, and how often it was sent again after its sender
 * was lost mid-send (each may be a second copy, under the same Message-ID or SMS reference).
 */
public record DeliveryRow(
        UUID id,
        Long personId,
        String personName,
        Channel channel,
        String address,
        Language language,
        DeliveryStatus status,
        int attempts,
        Instant sentAt,
        Instant deliveredAt,
        String failure,
        int resentInFlight) {}
