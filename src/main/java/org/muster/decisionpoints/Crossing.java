package org.muster.decisionpoints;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * A decision point crossed at a post: the alert with its actions and the "decide by" deadline.
 * {@code crossedAt} is when the crossing observation was observed; {@code decideBy} is that plus the
 * decision point's hours. {@code version} is the post's set version evaluated (0: the baseline
 * alone); title, actions and marking are as they were then. Marked with the decision point's marking.
 */
public record Crossing(
        @JsonIgnore long postId,
        long id,
        String key,
        int version,
        String title,
        List<String> actions,
        Classification classification,
        String value,
        Instant crossedAt,
        Instant decideBy,
        long observationId,
        Instant raisedAt,
        CrossingStatus status,
        Instant decidedAt,
        String decidedBy,
        String decisionSummary,
        Instant escalatedAt)
        implements Marked {

    /** Not decided and past its deadline at {@code now} (escalated, or about to be). */
    public boolean overdueAt(Instant now) {
        return status != CrossingStatus.DECIDED && now.isAfter(decideBy);
    }
}
