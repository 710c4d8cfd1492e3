package org.muster.posture;

import java.time.LocalDate;
import org.muster.shared.Marked;

/**
 * Days needed to move the people still to move at the planned daily capacity (rounded up), against
 * the days left until the projected threat date (negative once it has passed). {@code warning} is
 * true when the first exceeds the second. {@code daysNeeded} is null without a capacity,
 * {@code daysUntilThreat} null without a threat date, and then there is no warning. {@code basis}
 * says whom the figure counts.
 */
public record LeadTimeWarning(
        long postId,
        String basis,
        long peopleToMove,
        Integer dailyCapacity,
        Long daysNeeded,
        LocalDate threatDate,
        Long daysUntilThreat,
        boolean warning)
        implements Marked {

    /** Whether both figures are known, so the comparison was made. */
    public boolean complete() {
        return daysNeeded != null && daysUntilThreat != null;
    }
}
