package org.muster.decisionpoints;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;

/**
 * A tripwire: when its indicator is crossed, the post must decide within {@code decideWithinHours}
 * which of the {@code actions} to take. {@code key} identifies it across versions and against the
 * baseline (lower-case letters, digits and dashes); {@code location} is optional and only places it
 * on the map. A decision point is shown only to readers whose clearance dominates its marking.
 */
public record DecisionPoint(
        String key,
        String title,
        Indicator indicator,
        List<String> actions,
        int decideWithinHours,
        Location location,
        Classification classification) {

    public static final int MAX_HOURS = 720;

    public DecisionPoint {
        key = key == null ? "" : key.trim();
        if (!key.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new InvalidInputException(
                    "key", "use 1 to 64 lower-case letters, digits and dashes, e.g. mazar-fallen (got '" + key + "')");
        }
        title = title == null ? "" : title.trim();
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidInputException("title", "is required (at most 200 characters)");
        }
        if (indicator == null) {
            throw new InvalidInputException("indicator", "is required");
        }
        List<String> checked = new ArrayList<>();
        List<String> given = actions == null ? List.of() : actions;
        for (int i = 0; i < given.size(); i++) {
            String action = given.get(i) == null ? "" : given.get(i).trim();
            if (action.isEmpty() || action.length() > 500) {
                throw new InvalidInputException("actions[" + i + "]", "must be 1 to 500 characters");
            }
            checked.add(action);
        }
        if (checked.isEmpty()) {
            throw new InvalidInputException("actions", "name at least one action to consider");
        }
        actions = List.copyOf(checked);
        if (decideWithinHours < 1 || decideWithinHours > MAX_HOURS) {
            throw new InvalidInputException("decideWithinHours", "must be 1 to " + MAX_HOURS + " hours");
        }
        classification = classification == null ? Classification.UNCLASSIFIED : classification;
    }

    public Duration decideWithin() {
        return Duration.ofHours(decideWithinHours);
    }
}
