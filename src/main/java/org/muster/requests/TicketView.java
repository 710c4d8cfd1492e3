package org.muster.requests;

import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Marked;

/** A ticket with its history, oldest entry first. */
public record TicketView(Ticket ticket, List<TicketEvent> history) implements Marked, Releasable {
    @Override
    public long postId() {
        return ticket.postId();
    }

    @Override
    public List<?> releasableContent() {
        return List.of(ticket);
    }
}
