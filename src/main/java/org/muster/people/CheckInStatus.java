package org.muster.people;

import java.util.Arrays;
import java.util.Locale;
import org.muster.shared.InvalidInputException;

/** Where a person stands in a roll-call. Every status but {@link #UNKNOWN} accounts for the person. */
public enum CheckInStatus {
    UNKNOWN("Unknown"),
    SAFE("Safe"),
    NEEDS_HELP("Needs help"),
    NOT_AT_POST("Not at post"),
    DEPARTED("Departed");

    private final String label;

    CheckInStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the post knows where the person is; a person who needs help is accounted for too. */
    public boolean accounted() {
        return this != UNKNOWN;
    }

    /** Parses an exact name, ignoring case; refuses anything else naming {@code field} and the known values. */
    public static CheckInStatus parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required; one of " + Arrays.toString(values()));
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    field, "unknown status '" + text + "'; one of " + Arrays.toString(values()));
        }
    }
}
