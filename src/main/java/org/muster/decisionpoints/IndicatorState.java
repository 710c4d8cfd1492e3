package org.muster.decisionpoints;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A decision point's indicator at one instant. {@code value} is numeric for the sparkline (COUNT: the
 * count; EVENT: 1 once reported, else 0; LEVEL: the latest figure; MISSION_POSTURE: the posture's
 * position, NORMAL = 0), null when nothing was reported; {@code display} is the value in words. When
 * crossed, {@code crossedAt} is when the observation that crossed it was observed (the start of the
 * current crossing) and {@code decideBy} that instant plus the decision point's time to decide.
 */
public record IndicatorState(
        String key,
        BigDecimal value,
        String display,
        boolean crossed,
        Instant crossedAt,
        Instant decideBy,
        @JsonIgnore ObservationLike crossedBy) {

    /** Crossed and not decided by {@code at} would be overdue. */
    public boolean overdueAt(Instant at) {
        return crossed && at.isAfter(decideBy);
    }
}
