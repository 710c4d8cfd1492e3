package org.muster.people;

import java.util.Arrays;
import java.util.Locale;
import org.muster.shared.InvalidInputException;

/**
 * How a status reached the post. Only {@link #SELF} counts as self-reported; every other channel is
 * someone (or something) reporting for the person.
 */
public enum CheckInChannel {
    SELF("The person themselves"),
    WARDEN("A warden"),
    GATE("Gate staff"),
    OFFICER("An officer answering for them"),
    API("Another system");

    private final String label;

    CheckInChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean selfReported() {
        return this == SELF;
    }

    /** Parses an exact name, ignoring case; refuses anything else naming {@code field} and the known values. */
    public static CheckInChannel parse(String field, String text) {
        try {
            return valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    field, "unknown channel '" + text + "'; one of " + Arrays.toString(values()));
        }
    }
}
