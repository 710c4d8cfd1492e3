package org.muster.decisionpoints;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * One decision point on the board: its indicator's state, its status, the decide-by that applies
 * (null when not crossed), the crossing behind it when one was raised, and the indicator's value at
 * the end of each of the last {@value Board#TREND_DAYS} days (oldest first, null before any report).
 */
public record BoardRow(
        @JsonIgnore long postId,
        EffectiveDecisionPoint decisionPoint,
        IndicatorState state,
        BoardStatus status,
        Instant decideBy,
        Crossing crossing,
        List<BigDecimal> trend)
        implements Marked {

    @Override
    public Classification classification() {
        return decisionPoint.classification();
    }

    public String key() {
        return decisionPoint.key();
    }
}
