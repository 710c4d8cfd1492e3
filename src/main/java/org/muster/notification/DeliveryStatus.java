package org.muster.notification;

/** Where one delivery stands: queued, claimed by a sender, handed to the channel, confirmed, or failed for good. */
public enum DeliveryStatus {
    QUEUED,
    SENDING,
    SENT,
    DELIVERED,
    FAILED
}
