package org.muster.requests;

import org.muster.shared.InvalidInputException;

/**
 * Where a ticket stands, in words that are true: a new ticket is “received, not yet reviewed” until
 * someone changes its status (opening it records that it was read, nothing more).
 */
public enum TicketStatus {
    RECEIVED("received, not yet reviewed"),
    IN_REVIEW("in review"),
    WAITING_FOR_REQUESTER("waiting for the requester"),
    ANSWERED("answered"),
    CLOSED("closed");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TicketStatus parse(String field, String text) {
        for (TicketStatus s : values()) {
            if (s.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new InvalidInputException(
                field, "choose one of RECEIVED, IN_REVIEW, WAITING_FOR_REQUESTER, ANSWERED, CLOSED");
    }
}
