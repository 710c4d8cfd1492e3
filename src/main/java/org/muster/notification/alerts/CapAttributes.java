package org.muster.notification.alerts;

import java.util.List;
import org.muster.shared.InvalidInputException;

/**
 * A public message's CAP 1.2 classification: category, urgency, severity, certainty (values as in
 * the CAP 1.2 data dictionary) and the area described (null: the post's country). A message without
 * stored attributes gets {@link #defaults(boolean)}.
 */
public record CapAttributes(String category, String urgency, String severity, String certainty, String areaDesc) {
    static final List<String> CATEGORIES = List.of(
            "Geo",
            "Met",
            "Safety",
            "Security",
            "Rescue",
            "Fire",
            "Health",
            "Env",
            "Transport",
            "Infra",
            "CBRNE",
            "Other");
    static final List<String> URGENCIES = List.of("Immediate", "Expected", "Future", "Past", "Unknown");
    static final List<String> SEVERITIES = List.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");
    static final List<String> CERTAINTIES = List.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");

    public CapAttributes {
        check("category", category, CATEGORIES);
        check("urgency", urgency, URGENCIES);
        check("severity", severity, SEVERITIES);
        check("certainty", certainty, CERTAINTIES);
        areaDesc = areaDesc == null || areaDesc.isBlank() ? null : areaDesc.strip();
        if (areaDesc != null && areaDesc.length() > 200) {
            throw new InvalidInputException("areaDesc", "is too long (at most 200 characters)");
        }
    }

    /**
     * A threat: Security, Immediate, Severe, Observed (act now on a threat that is happening).
     * Otherwise: Safety, Expected, Moderate, Likely (guidance to act on soon).
     */
    public static CapAttributes defaults(boolean threat) {
        return threat
                ? new CapAttributes("Security", "Immediate", "Severe", "Observed", null)
                : new CapAttributes("Safety", "Expected", "Moderate", "Likely", null);
    }

    private static void check(String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new InvalidInputException(field, "one of " + String.join(", ", allowed) + " (CAP 1.2)");
        }
    }
}
