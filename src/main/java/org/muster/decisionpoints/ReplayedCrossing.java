package org.muster.decisionpoints;

import java.time.Instant;

/**
 * A crossing found by replaying a timeline against a set, written nowhere: the decision point, the
 * indicator's value when it crossed, when (the crossing observation's time) and the decide-by it set.
 */
public record ReplayedCrossing(
        String key, String title, String value, Instant crossedAt, Instant decideBy, ObservationLike observation) {}
