package org.muster.committee;

import java.util.Arrays;
import java.util.Locale;
import org.muster.shared.InvalidInputException;

/** Parsing of the module's enums from forms and JSON, naming the field and the accepted values. */
final class Names {
    private Names() {}

    static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        String value = text == null
                ? ""
                : text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw new InvalidInputException(
                field, "must be one of " + Arrays.toString(type.getEnumConstants()) + " (got '" + text + "')");
    }

    /** The trimmed text, refused when blank or longer than {@code max}. */
    static String required(String field, String text, int max) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > max) {
            throw new InvalidInputException(field, "is required (at most " + max + " characters)");
        }
        return value;
    }

    /** The trimmed text or null when blank; refused when longer than {@code max}. */
    static String optional(String field, String text, int max) {
        String value = text == null ? "" : text.strip();
        if (value.length() > max) {
            throw new InvalidInputException(field, "is too long (at most " + max + " characters)");
        }
        return value.isEmpty() ? null : value;
    }
}
