package org.muster.posture;

import java.time.Instant;

/** A chief of mission requested a posture; the configured approving authority is to decide. */
public record PostureRequested(
        long postId, long requestId, Posture posture, Subset subset, String requestedBy, Instant requestedAt) {}
