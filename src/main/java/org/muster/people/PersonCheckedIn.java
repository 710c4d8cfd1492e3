package org.muster.people;

import java.time.OffsetDateTime;

/**
 * A check-in became a person's current status in a roll-call. Published once per applied single
 * check-in, inside its transaction; a batch publishes one {@link CheckInsApplied} instead.
 */
public record PersonCheckedIn(
        long postId,
        long rollCallId,
        long personId,
        CheckInStatus status,
        CheckInChannel channel,
        OffsetDateTime reportedAt) {}
