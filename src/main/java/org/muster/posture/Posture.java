package org.muster.posture;

import java.util.Arrays;
import java.util.Locale;
import org.muster.shared.InvalidInputException;

/**
 * A post's operating status. Authorized departure lets the people it concerns leave at government
 * expense; ordered departure makes them leave; suspension closes the post's operations.
 */
public enum Posture {
    NORMAL("Normal", "Normal"),
    AUTHORIZED_DEPARTURE("Authorized departure", "AD"),
    ORDERED_DEPARTURE("Ordered departure", "OD"),
    SUSPENSION("Suspension of operations", "Suspension");

    private final String label;
    private final String abbreviation;

    Posture(String label, String abbreviation) {
        this.label = label;
        this.abbreviation = abbreviation;
    }

    public String label() {
        return label;
    }

    public String abbreviation() {
        return abbreviation;
    }

    /** Authorized and ordered departure: the statuses with a 30-day review and a 180-day limit. */
    public boolean departure() {
        return this == AUTHORIZED_DEPARTURE || this == ORDERED_DEPARTURE;
    }

    /** Whether people must leave under this posture (so a drawdown list exists). */
    public boolean mandatory() {
        return this == ORDERED_DEPARTURE || this == SUSPENSION;
    }

    /** Parses an exact name, ignoring case; refuses anything else naming {@code field} and the known values. */
    public static Posture parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required; one of " + Arrays.toString(values()));
        }
        try {
            return valueOf(
                    text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    field, "unknown posture '" + text + "'; one of " + Arrays.toString(values()));
        }
    }
}
