package org.muster.notification;

import java.time.OffsetDateTime;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * Send an equivalent public message: a task raised for the consular section when a message about a
 * threat went to official staff only. Open until a public message linked to it is sent
 * ({@code closingMessageId}) or a reason is recorded. Carries the threat message's marking, since it
 * shows that message's subject.
 */
public record ReviewTask(
        long id,
        long postId,
        long messageId,
        String subject,
        String audienceLabel,
        Classification classification,
        String sentBy,
        OffsetDateTime createdAt,
        OffsetDateTime closedAt,
        String closedBy,
        Long closingMessageId,
        String reason)
        implements Marked {

    public boolean open() {
        return closedAt == null;
    }
}
