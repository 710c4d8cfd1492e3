package org.muster.posture;

import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/** A recorded review of a departure status (the posture it reviewed, who, when, what they noted). */
public record PostureReview(
        long id, long postId, Posture posture, OffsetDateTime reviewedAt, String reviewedBy, String note)
        implements Marked {}
