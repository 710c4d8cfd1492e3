package org.muster.people;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.muster.shared.Marked;

/**
 * A check-in as the post recorded it: who reported it ({@code reportedBy}, a user name), how
 * ({@code channel}), when the person was seen ({@code reportedAt}) and when the report arrived
 * ({@code receivedAt}). Check-ins are never changed or removed: they are the roll-call's history.
 */
public record CheckInRecord(
        @JsonIgnore long postId,
        UUID id,
        long rollCallId,
        long personId,
        CheckInStatus status,
        CheckInChannel channel,
        String reportedBy,
        OffsetDateTime reportedAt,
        OffsetDateTime receivedAt,
        String note)
        implements Marked {

    /** Whether {@code other} asks for the same thing (a retry), so it may share this record's id. */
    boolean sameRequest(CheckIn other, long otherRollCallId, String otherReporter) {
        return rollCallId == otherRollCallId
                && personId == other.personId()
                && status == other.status()
                && channel == other.channel()
                && reportedBy.equals(otherReporter)
                && java.util.Objects.equals(note, other.note())
                && (other.reportedAt() == null || other.reportedAt().isEqual(reportedAt));
    }
}
