package org.muster.requests;

import java.time.OffsetDateTime;

/** One entry of a ticket's history: what changed (from, to), a note, who and when. Never changed. */
public record TicketEvent(
        long id, OffsetDateTime at, String actor, Kind kind, String fromValue, String toValue, String note) {

    public enum Kind {
        RECEIVED,
        READ,
        OWNER,
        QUEUE,
        STATUS,
        NOTE
    }
}
