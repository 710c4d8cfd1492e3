package org.muster.committee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/** One committee member at one meeting; {@code presence} null while not yet recorded. */
public record Attendance(
        @JsonIgnore long postId,
        long meetingId,
        long userId,
        String username,
        String displayName,
        String title,
        Presence presence,
        OffsetDateTime recordedAt,
        String recordedBy)
        implements Marked {}
