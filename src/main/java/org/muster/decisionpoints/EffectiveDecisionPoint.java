package org.muster.decisionpoints;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * A decision point as it applies at one post, with where it comes from: the Washington baseline as
 * is, the baseline tightened by the post, or the post's own. Marked with the point's classification.
 */
public record EffectiveDecisionPoint(@JsonIgnore long postId, DecisionPoint point, Origin origin) implements Marked {

    public enum Origin {
        BASELINE("Washington baseline"),
        TIGHTENED("Baseline, tightened by the post"),
        POST("This post's own");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String key() {
        return point.key();
    }

    @Override
    public Classification classification() {
        return point.classification();
    }
}
