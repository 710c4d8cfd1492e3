package org.muster.posture;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.muster.shared.Marked;

/**
 * The clocks of a departure status. A review is due {@value #REVIEW_DAYS} days after the approval
 * of the posture in force or after its last recorded review, whichever is later; the status may
 * last at most {@value #LIMIT_DAYS} days (the statutory limit), counted from the start of the
 * unbroken run of authorized or ordered departure, and raises an alert when it has lasted that long.
 * Outside a departure status {@code applies} is false and the times are null. Days are whole days
 * elapsed (24 hours each) at {@code at}.
 */
public record PostureClocks(
        long postId,
        Posture posture,
        boolean applies,
        OffsetDateTime at,
        OffsetDateTime departureSince,
        OffsetDateTime lastReviewAt,
        OffsetDateTime reviewDueAt,
        boolean reviewOverdue,
        long daysInStatus,
        OffsetDateTime limitAt,
        boolean limitReached)
        implements Marked {
    public static final int REVIEW_DAYS = 30;
    public static final int LIMIT_DAYS = 180;

    /** The clocks of {@code status} at the instant {@code now}; a pure calculation. */
    public static PostureClocks of(PostureStatus status, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        if (!status.posture().departure() || status.departureSince() == null) {
            return new PostureClocks(
                    status.postId(), status.posture(), false, at, null, null, null, false, 0, null, false);
        }
        OffsetDateTime basis =
                status.lastReviewAt() != null && status.lastReviewAt().isAfter(status.since())
                        ? status.lastReviewAt()
                        : status.since();
        OffsetDateTime reviewDue = basis.plusDays(REVIEW_DAYS);
        long days = Math.max(
                0, Duration.between(status.departureSince().toInstant(), now).toDays());
        return new PostureClocks(
                status.postId(),
                status.posture(),
                true,
                at,
                status.departureSince(),
                status.lastReviewAt(),
                reviewDue,
                !now.isBefore(reviewDue.toInstant()),
                days,
                status.departureSince().plusDays(LIMIT_DAYS),
                days >= LIMIT_DAYS);
    }

    /** Days until the review is due, a part day counting as one (0 or less when due); 0 outside a departure status. */
    public long daysUntilReview() {
        return applies ? -Math.floorDiv(-Duration.between(at, reviewDueAt).toSeconds(), 86_400) : 0;
    }
}
