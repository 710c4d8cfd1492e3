package org.muster.requests;

import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/**
 * Tickets of a post that nobody has opened within {@link Tickets#UNREAD_LIMIT} of their receipt:
 * how many, and when the oldest of them was received (null when there are none).
 */
public record UnreadAlert(long postId, long count, OffsetDateTime oldestReceivedAt) implements Marked {
    public boolean raised() {
        return count > 0;
    }
}
