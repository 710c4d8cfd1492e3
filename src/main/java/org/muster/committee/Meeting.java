package org.muster.committee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/**
 * A meeting of a post's committee: scheduled ahead, or convened by an alert ({@code convened},
 * with its {@code reason}). Its title and reason are unclassified; what was said is in the minutes.
 */
public record Meeting(
        @JsonIgnore long postId,
        long id,
        String title,
        OffsetDateTime scheduledFor,
        boolean convened,
        String reason,
        MeetingStatus status,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime openedAt,
        OffsetDateTime closedAt)
        implements Marked {

    public boolean closed() {
        return status == MeetingStatus.CLOSED;
    }
}
