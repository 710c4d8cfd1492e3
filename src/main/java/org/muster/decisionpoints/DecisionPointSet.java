package org.muster.decisionpoints;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.muster.shared.InvalidInputException;

/**
 * A post's (or the baseline's) operating assumptions and decision points, as one document. Keys
 * are unique within a set. The file format is described in {@code docs/decision-points.md}.
 */
public record DecisionPointSet(List<String> assumptions, List<DecisionPoint> decisionPoints) {
    public static final int MAX_POINTS = 200;
    public static final DecisionPointSet EMPTY = new DecisionPointSet(List.of(), List.of());

    public DecisionPointSet {
        List<String> checked = new ArrayList<>();
        List<String> given = assumptions == null ? List.of() : assumptions;
        for (int i = 0; i < given.size(); i++) {
            String a = given.get(i) == null ? "" : given.get(i).trim();
            if (a.isEmpty() || a.length() > 1000) {
                throw new InvalidInputException("assumptions[" + i + "]", "must be 1 to 1000 characters");
            }
            checked.add(a);
        }
        assumptions = List.copyOf(checked);
        decisionPoints = decisionPoints == null ? List.of() : List.copyOf(decisionPoints);
        if (decisionPoints.size() > MAX_POINTS) {
            throw new InvalidInputException("decisionPoints", "at most " + MAX_POINTS + " decision points");
        }
        Set<String> keys = new HashSet<>();
        for (DecisionPoint p : decisionPoints) {
            if (!keys.add(p.key())) {
                throw new InvalidInputException(
                        "decisionPoints[" + p.key() + "].key", "appears more than once; keys are unique");
            }
        }
    }

    public Optional<DecisionPoint> point(String key) {
        return decisionPoints.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
