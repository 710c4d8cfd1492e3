package org.muster.decisionpoints;

import java.time.Instant;
import java.util.List;

/** A decision point was crossed at a post: an alert with the actions to consider and its deadline. */
public record DecisionPointCrossed(
        long postId,
        long crossingId,
        String key,
        String title,
        Instant crossedAt,
        Instant decideBy,
        List<String> actions) {}
