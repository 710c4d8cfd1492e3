package org.muster.committee;

import java.time.OffsetDateTime;

/** A member's vote on a recommendation; {@code dissent} is the text of a vote against, if they wrote one. */
public record CastVote(
        long userId, String username, String displayName, Vote vote, String dissent, OffsetDateTime castAt) {}
