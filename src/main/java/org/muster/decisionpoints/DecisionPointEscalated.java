package org.muster.decisionpoints;

import java.time.Instant;

/** No decision was recorded by a crossing's deadline: it goes to the Washington task force. */
public record DecisionPointEscalated(long postId, long crossingId, String key, String title, Instant decideBy) {}
