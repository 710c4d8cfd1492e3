package org.muster.decisionpoints;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the evaluator reads of a dated report: a recorded {@link Observation}, one being recorded, or
 * a row of a timeline being replayed. {@code value} is null when the report gives no figure.
 */
public interface ObservationLike {
    Instant observedAt();

    String subject();

    String event();

    BigDecimal value();

    Confidence confidence();
}
