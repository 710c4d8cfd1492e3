package org.muster.notification;

/**
 * An answer that was not recorded, and why; nothing was written. {@link Reason#INVALID} and {@link
 * Reason#EXPIRED} say no more than the page would.
 */
public class AnswerRefusedException extends RuntimeException {
    /** Why an answer was refused. */
    public enum Reason {
        /** Malformed, tampered with, or naming no delivery. */
        INVALID,
        /** The link's time is over. */
        EXPIRED,
        /** The delivery went to an address outside the register: there is no person to record the answer for. */
        NO_PERSON,
        /** More than {@link Responses#ANSWERS_PER_HOUR} answers through this link in the last hour. */
        TOO_MANY
    }

    private final Reason reason;

    AnswerRefusedException(Reason reason) {
        super("Answer refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
