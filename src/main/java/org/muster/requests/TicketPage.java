package org.muster.requests;

import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Marked;

/** One page of a post's tickets, unread first, then oldest first; {@code total} counts all that match. */
public record TicketPage(long postId, List<Ticket> tickets, int page, int pages, long total)
        implements Marked, Releasable {
    @Override
    public List<?> releasableContent() {
        return tickets;
    }
}
