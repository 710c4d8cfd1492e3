package org.muster.decisionpoints;

import java.util.Locale;
import org.muster.shared.InvalidInputException;

/** How far the source of an observation is believed, lowest first. */
public enum Confidence {
    LOW,
    MODERATE,
    HIGH;

    /** Parses a name ignoring case; refuses anything else, naming {@code field}. */
    public static Confidence parse(String field, String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Confidence c : values()) {
            if (c.name().equals(value)) {
                return c;
            }
        }
        throw new InvalidInputException(field, "must be LOW, MODERATE or HIGH (got '" + text + "')");
    }
}
