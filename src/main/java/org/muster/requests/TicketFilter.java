package org.muster.requests;

/**
 * Which tickets a list shows: a queue, a status, an owner (a user name, or {@code none} for
 * unassigned), only unread ones; each null or false for all. Pages count from 0.
 */
public record TicketFilter(Queue queue, TicketStatus status, String owner, boolean unread, int page) {
    public TicketFilter {
        owner = owner == null || owner.isBlank() ? null : owner.strip();
        page = Math.max(0, page);
    }

    public static TicketFilter all() {
        return new TicketFilter(null, null, null, false, 0);
    }
}
