package org.muster.people;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.muster.shared.InvalidInputException;

/**
 * One report of a person's status in a roll-call, as a client sends it. The {@code id} is chosen by
 * the client, so a request retried after a lost answer is recognised and applied once.
 * {@code reportedAt} is when the person was seen or answered, which may be earlier than when the
 * report arrives (a warden's phone offline); null means now, by the server's clock. {@code note} is
 * optional free text of at most 500 characters; a blank note is no note.
 */
public record CheckIn(
        UUID id, long personId, CheckInStatus status, CheckInChannel channel, OffsetDateTime reportedAt, String note) {

    public static final int NOTE_LENGTH = 500;

    public CheckIn {
        if (id == null) {
            throw new InvalidInputException("id", "is required: a UUID chosen by the client, reused on a retry");
        }
        if (personId <= 0) {
            throw new InvalidInputException("personId", "is required");
        }
        if (status == null) {
            throw new InvalidInputException("status", "is required");
        }
        if (channel == null) {
            throw new InvalidInputException("channel", "is required");
        }
        if (note != null && note.isBlank()) {
            note = null;
        }
        if (note != null && note.length() > NOTE_LENGTH) {
            throw new InvalidInputException("note", "must be at most " + NOTE_LENGTH + " characters");
        }
    }
}
