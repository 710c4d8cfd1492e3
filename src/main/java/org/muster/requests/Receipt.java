package org.muster.requests;

import java.time.OffsetDateTime;
import org.muster.notification.Language;

/**
 * What the requester is told: the reference, the true status, when it was received, and whether an
 * acknowledgement was queued to their e-mail address. Not marked content: it is the requester's own.
 */
public record Receipt(
        String reference,
        TicketStatus status,
        OffsetDateTime receivedAt,
        Language language,
        boolean acknowledgementQueued)
        implements java.io.Serializable {

    /** The status in the requester's language (“received, not yet reviewed” for a new ticket). */
    public String statusText() {
        return status == TicketStatus.RECEIVED ? RequesterTexts.received(language) : status.label();
    }
}
