package org.muster.requests;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.muster.notification.Language;
import org.muster.shared.Marked;

/**
 * A request from the public as staff see it. Content of its post (unclassified), so pages holding
 * it pass the need-to-know check. {@code ownerName} and {@code firstReadBy} are display names, null
 * when there is no owner or nobody has opened it.
 */
public record Ticket(
        long id,
        long postId,
        String reference,
        Queue queue,
        TicketStatus status,
        Long ownerId,
        String ownerName,
        String requesterName,
        String email,
        String phone,
        Language language,
        String subject,
        String body,
        TicketChannel channel,
        OffsetDateTime receivedAt,
        OffsetDateTime firstReadAt,
        String firstReadBy,
        OffsetDateTime updatedAt)
        implements Marked {

    public boolean unread() {
        return firstReadAt == null;
    }

    /** Time since it was received, as of {@code now}. */
    public Duration age(OffsetDateTime now) {
        return Duration.between(receivedAt, now);
    }

    /** The age in whole days and hours (“2 d 4 h”, “3 h”, “12 min”). */
    public static String describe(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        return hours < 24 ? hours + " h" : hours / 24 + " d " + hours % 24 + " h";
    }
}
