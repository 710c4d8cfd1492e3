package org.muster.posture;

import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/** A person recorded as having left the post, when, and by whom. */
public record Departure(
        long postId,
        long personId,
        String name,
        boolean chiefOfMission,
        OffsetDateTime departedAt,
        OffsetDateTime recordedAt,
        String recordedBy)
        implements Marked {}
