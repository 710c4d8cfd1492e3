package org.muster.people;

import org.muster.shared.InvalidInputException;

/**
 * A filter on a post's register; null or blank parts do not filter. {@code text} matches names,
 * contact values and document numbers (case-insensitive substring). Pages count from 0.
 */
public record RegisterQuery(
        String text,
        Category category,
        String location,
        String citizenship,
        String intent,
        boolean minorsOnly,
        boolean chiefOfMissionOnly,
        int page,
        int size) {

    public RegisterQuery {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new InvalidInputException("size", "must be between 1 and 500");
        }
        text = blankToNull(text);
        location = blankToNull(location);
        citizenship = blankToNull(citizenship);
        intent = blankToNull(intent);
    }

    public static RegisterQuery all(int page, int size) {
        return new RegisterQuery(null, null, null, null, null, false, false, page, size);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
