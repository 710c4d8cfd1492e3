package org.muster.decisionpoints;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.muster.shared.InvalidInputException;

/**
 * The rule between the Washington baseline and a post: a post may add decision points and tighten
 * the baseline's, never remove or weaken one. Weaker means a higher COUNT or LEVEL threshold, a later
 * mission posture, a longer time to decide, a higher minimum confidence, an action of the baseline
 * left out, or another indicator or marking under the same key. Pure: no database, no clock.
 */
final class BaselineRule {
    private BaselineRule() {}

    /** Fails on the first baseline point that {@code post} removes or weakens, naming its key and field. */
    static void check(DecisionPointSet baseline, DecisionPointSet post) {
        for (DecisionPoint b : baseline.decisionPoints()) {
            DecisionPoint p = post.point(b.key())
                    .orElseThrow(() -> new InvalidInputException(
                            field(b, null),
                            "is a Washington baseline decision point and may not be removed (tighten it instead)"));
            check(b, p);
        }
    }

    /** Fails when {@code p} is weaker than the baseline point {@code b} with the same key. */
    static void check(DecisionPoint b, DecisionPoint p) {
        Indicator bi = b.indicator();
        Indicator pi = p.indicator();
        if (bi.kind() != pi.kind()) {
            throw new InvalidInputException(
                    field(b, "indicator.kind"), "must stay " + bi.kind() + " as in the Washington baseline");
        }
        if (!same(bi.subject(), pi.subject())) {
            throw new InvalidInputException(
                    field(b, "indicator.subject"), "must stay '" + bi.subject() + "' as in the Washington baseline");
        }
        if (!same(bi.event(), pi.event())) {
            throw new InvalidInputException(
                    field(b, "indicator.event"), "must stay '" + bi.event() + "' as in the Washington baseline");
        }
        if (bi.threshold() != null && pi.threshold().compareTo(bi.threshold()) > 0) {
            throw new InvalidInputException(
                    field(b, "threshold"),
                    pi.threshold().toPlainString() + " is weaker than the Washington baseline's "
                            + bi.threshold().toPlainString() + " (a post may lower it, not raise it)");
        }
        if (bi.posture() != null && pi.posture().compareTo(bi.posture()) > 0) {
            throw new InvalidInputException(
                    field(b, "threshold"),
                    pi.posture() + " is later than the Washington baseline's " + bi.posture()
                            + " (a post may choose an earlier posture, not a later one)");
        }
        if (pi.minConfidence().compareTo(bi.minConfidence()) > 0) {
            throw new InvalidInputException(
                    field(b, "indicator.minConfidence"),
                    pi.minConfidence() + " ignores reports the Washington baseline counts (at most "
                            + bi.minConfidence() + ")");
        }
        if (p.decideWithinHours() > b.decideWithinHours()) {
            throw new InvalidInputException(
                    field(b, "decideWithinHours"),
                    p.decideWithinHours() + " hours is longer than the Washington baseline's " + b.decideWithinHours()
                            + " (a post may shorten it, not lengthen it)");
        }
        for (String action : b.actions()) {
            if (p.actions().stream().noneMatch(a -> same(a, action))) {
                throw new InvalidInputException(
                        field(b, "actions"), "must keep the Washington baseline's action '" + action + "'");
            }
        }
        if (p.classification() != b.classification()) {
            throw new InvalidInputException(
                    field(b, "classification"), "must stay " + b.classification() + " as in the Washington baseline");
        }
    }

    /**
     * The effective set of a post: its own points in its order, a baseline point it repeats taken
     * from the post when it is at least as strict as today's baseline (else the baseline's, which may
     * have been tightened since the post saved), and baseline points the post does not name added.
     */
    static List<EffectiveDecisionPoint> merge(long postId, DecisionPointSet baseline, DecisionPointSet post) {
        List<EffectiveDecisionPoint> merged = new ArrayList<>();
        for (DecisionPoint p : post.decisionPoints()) {
            var b = baseline.point(p.key());
            if (b.isEmpty()) {
                merged.add(new EffectiveDecisionPoint(postId, p, EffectiveDecisionPoint.Origin.POST));
            } else if (p.equals(b.get())) {
                merged.add(new EffectiveDecisionPoint(postId, p, EffectiveDecisionPoint.Origin.BASELINE));
            } else if (atLeastAsStrict(b.get(), p)) {
                merged.add(new EffectiveDecisionPoint(postId, p, EffectiveDecisionPoint.Origin.TIGHTENED));
            } else {
                merged.add(new EffectiveDecisionPoint(postId, b.get(), EffectiveDecisionPoint.Origin.BASELINE));
            }
        }
        for (DecisionPoint b : baseline.decisionPoints()) {
            if (post.point(b.key()).isEmpty()) {
                merged.add(new EffectiveDecisionPoint(postId, b, EffectiveDecisionPoint.Origin.BASELINE));
            }
        }
        return merged;
    }

    /** The baseline's assumptions first, then the post's that the baseline does not already state. */
    static List<String> assumptions(DecisionPointSet baseline, DecisionPointSet post) {
        Set<String> all = new LinkedHashSet<>(baseline.assumptions());
        all.addAll(post.assumptions());
        return List.copyOf(all);
    }

    static boolean atLeastAsStrict(DecisionPoint b, DecisionPoint p) {
        try {
            check(b, p);
            return true;
        } catch (InvalidInputException weaker) {
            return false;
        }
    }

    private static boolean same(String a, String b) {
        return Objects.equals(Indicator.normalise(a), Indicator.normalise(b));
    }

    private static String field(DecisionPoint b, String field) {
        return "decisionPoints[" + b.key() + "]" + (field == null ? "" : "." + field);
    }
}
