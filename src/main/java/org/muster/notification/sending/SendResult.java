package org.muster.notification.sending;

import java.util.Objects;
import java.util.UUID;

/** What became of one delivery handed to a channel; a failure carries its reason. */
public record SendResult(UUID deliveryId, Outcome outcome, String reason) {
    /** Handed over (SENT), confirmed (DELIVERED), worth trying again later, or failed for good. */
    public enum Outcome {
        SENT,
        DELIVERED,
        RETRY,
        FAILED
    }

    public SendResult {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.RETRY || outcome == Outcome.FAILED) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a failure needs a reason");
        }
        reason = reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    public static SendResult sent(UUID id) {
        return new SendResult(id, Outcome.SENT, null);
    }

    public static SendResult delivered(UUID id) {
        return new SendResult(id, Outcome.DELIVERED, null);
    }

    public static SendResult retry(UUID id, String reason) {
        return new SendResult(id, Outcome.RETRY, reason);
    }

    public static SendResult failed(UUID id, String reason) {
        return new SendResult(id, Outcome.FAILED, reason);
    }
}
