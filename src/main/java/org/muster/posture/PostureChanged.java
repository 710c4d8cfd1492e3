package org.muster.posture;

import java.time.Instant;

/** The approving authority approved a request: {@code posture} for {@code subset} is now in force at the post. */
public record PostureChanged(
        long postId,
        long requestId,
        Posture previous,
        Posture posture,
        Subset subset,
        String approvedBy,
        Instant changedAt) {}
