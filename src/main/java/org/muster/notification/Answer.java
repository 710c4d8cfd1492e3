package org.muster.notification;

import java.util.Arrays;
import java.util.Locale;
import org.muster.people.CheckInStatus;
import org.muster.people.Intent;
import org.muster.shared.InvalidInputException;

/**
 * What a recipient answers on their personal page, and what each answer changes: the status it
 * checks them in with in the post's open roll-calls, and the intent it records (null: unchanged).
 * Wanting to leave says nothing about danger: the person answered, so they are accounted for, and
 * safe (had they needed help they would have said so); the wish is their intent. Having left
 * already is {@link CheckInStatus#DEPARTED} and intent {@link Intent#LEAVE}; the drawdown's record of
 * departures stays with the staff who verify it.
 */
public enum Answer {
    SAFE(CheckInStatus.SAFE, null),
    NEED_HELP(CheckInStatus.NEEDS_HELP, null),
    WANT_TO_LEAVE(CheckInStatus.SAFE, Intent.LEAVE),
    ALREADY_LEFT(CheckInStatus.DEPARTED, Intent.LEAVE);

    private final CheckInStatus status;
    private final Intent intent;

    Answer(CheckInStatus status, Intent intent) {
        this.status = status;
        this.intent = intent;
    }

    /** The roll-call status this answer checks the person in with. */
    public CheckInStatus status() {
        return status;
    }

    /** The intent this answer records, or null when it leaves the person's intent as it is. */
    public Intent intent() {
        return intent;
    }

    /** Parses an exact name, ignoring case; refuses anything else naming {@code field}. */
    public static Answer parse(String field, String text) {
        try {
            return valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    field, "unknown answer '" + text + "'; one of " + Arrays.toString(values()));
        }
    }
}
