package org.muster.posture;

import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/**
 * The posture in force at a post and whom it concerns. A post that never changed posture is
 * {@link Posture#NORMAL} for everyone with {@code since}, {@code requestId} and {@code approvedBy}
 * null. {@code departureSince} is when the current unbroken run of authorized or ordered departure
 * began (an authorized departure followed by an ordered one counts as one run), null outside one;
 * {@code lastReviewAt} is the latest review recorded for the posture in force, if any.
 */
public record PostureStatus(
        long postId,
        Posture posture,
        Subset subset,
        OffsetDateTime since,
        Long requestId,
        String approvedBy,
        OffsetDateTime departureSince,
        OffsetDateTime lastReviewAt)
        implements Marked {

    static PostureStatus normal(long postId) {
        return new PostureStatus(postId, Posture.NORMAL, Subset.EVERYONE, null, null, null, null, null);
    }

    /** In words, for example: Ordered departure (Eligible family member, under 18); Normal. */
    public String describe() {
        return subset.everyone() ? posture.label() : posture.label() + " (" + subset.describe() + ")";
    }
}
