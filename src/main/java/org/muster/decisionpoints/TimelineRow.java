package org.muster.decisionpoints;

import java.math.BigDecimal;
import java.time.Instant;

/** An accepted row of a timeline: its row number and the observation it states. */
public record TimelineRow(int row, NewObservation observation) implements ObservationLike {
    @Override
    public Instant observedAt() {
        return observation.observedAt();
    }

    @Override
    public String subject() {
        return observation.subject();
    }

    @Override
    public String event() {
        return observation.event();
    }

    @Override
    public BigDecimal value() {
        return observation.value();
    }

    @Override
    public Confidence confidence() {
        return observation.confidence();
    }
}
