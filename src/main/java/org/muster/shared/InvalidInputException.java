package org.muster.shared;

/**
 * Bad input from a person or another system. Names the field (or row and field) so the message can
 * be shown next to it; thrown before anything is written, so nothing else changes.
 */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field name. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
