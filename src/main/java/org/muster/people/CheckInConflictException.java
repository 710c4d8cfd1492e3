package org.muster.people;

/**
 * A check-in id already stands for a different check-in (another person, status, channel, time,
 * note or reporter). Nothing was written; the client must choose a fresh id for a new report.
 */
public class CheckInConflictException extends RuntimeException {
    private final String field;

    public CheckInConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field holding the id, e.g. {@code id} or {@code checkIns[3].id}. */
    public String field() {
        return field;
    }
}
