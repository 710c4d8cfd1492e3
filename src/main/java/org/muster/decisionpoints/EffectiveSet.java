package org.muster.decisionpoints;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.muster.security.Releasable;

/**
 * The decision points in force at a post: the Washington baseline merged with the post's latest
 * version. {@code version} is the post's version (0: it has saved none, the baseline alone applies),
 * {@code baselineVersion} the baseline's (0: none). Lists only what the reader may see.
 */
public record EffectiveSet(
        @JsonIgnore long postId,
        int version,
        int baselineVersion,
        String savedBy,
        Instant savedAt,
        List<String> assumptions,
        List<EffectiveDecisionPoint> decisionPoints)
        implements Releasable {

    @Override
    public List<?> releasableContent() {
        return decisionPoints;
    }

    public Optional<EffectiveDecisionPoint> point(String key) {
        return decisionPoints.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** The set as a document (the file format), e.g. for an export. */
    public DecisionPointSet toDocument() {
        return new DecisionPointSet(
                assumptions,
                decisionPoints.stream().map(EffectiveDecisionPoint::point).toList());
    }
}
