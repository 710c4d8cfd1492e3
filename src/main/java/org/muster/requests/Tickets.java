package org.muster.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.muster.audit.AuditLog;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff work on a post's tickets: the list (filters, unread first then oldest, paginated), opening
 * a ticket (the first opening records who read it and when), changing owner, queue and status with
 * a note, and the alert for tickets unread for 24 hours. Only members of the post holding a role in
 * {@link #HANDLERS} may do any of it. Every change is audited in its transaction. Thread-safe.
 */
@Service
public class Tickets {
    /** Who reads and handles requests from the public. */
    public static final List<Role> HANDLERS =
            List.of(Role.CONSULAR, Role.CHIEF_OF_MISSION, Role.MANAGEMENT, Role.ADMINISTRATOR);
    /** How long a ticket may stay unopened before the dashboard raises an alert. */
    public static final Duration UNREAD_LIMIT = Duration.ofHours(24);

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final Clock clock;
    private final TicketHistory history;

    Tickets(JdbcClient jdbc, NeedToKnow needToKnow, AuditLog audit, Clock clock, TicketHistory history) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
        this.history = history;
    }

    /** Whether the current reader may handle the post's tickets (for navigation and the dashboard card). */
    public boolean mayHandle(long postId) {
        return needToKnow
                .currentReader()
                .map(r -> r.isMemberOf(postId) && r.hasAny(HANDLERS.toArray(Role[]::new)))
                .orElse(false);
    }

    public TicketPage list(long postId, TicketFilter filter) {
        require(postId);
        var query = TicketRows.select(
                        jdbc,
                        "where t.post_id = :post"
                                + " and (cast(:queue as text) is null or t.queue = :queue)"
                                + " and (cast(:status as text) is null or t.status = :status)"
                                + " and (cast(:owner as text) is null or (:owner = 'none' and t.owner_id is null)"
                                + " or o.username = :owner)"
                                + " and (not :unread or t.first_read_at is null)"
                                + " order by (t.first_read_at is null) desc, t.received_at, t.id"
                                + " limit :limit offset :offset")
                .param("post", postId)
                .param("queue", filter.queue() == null ? null : filter.queue().name())
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().name())
                .param("owner", filter.owner())
                .param("unread", filter.unread())
                .param("limit", PAGE_SIZE)
                .param("offset", filter.page() * PAGE_SIZE);
        List<Ticket> tickets = query.query(TicketRows::ticket).list();
        long total = jdbc.sql("select count(*) from ticket t left join app_user o on o.id = t.owner_id"
                        + " where t.post_id = :post"
                        + " and (cast(:queue as text) is null or t.queue = :queue)"
                        + " and (cast(:status as text) is null or t.status = :status)"
                        + " and (cast(:owner as text) is null or (:owner = 'none' and t.owner_id is null)"
                        + " or o.username = :owner)"
                        + " and (not :unread or t.first_read_at is null)")
                .param("post", postId)
                .param("queue", filter.queue() == null ? null : filter.queue().name())
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().name())
                .param("owner", filter.owner())
                .param("unread", filter.unread())
                .query(Long.class)
                .single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return new TicketPage(postId, tickets, filter.page(), pages, total);
    }

    /** Opens a ticket; the first opening by a handler records who read it and when (audited). */
    @Transactional
    public TicketView open(long postId, long ticketId) {
        Reader reader = require(postId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int first = jdbc.sql("update ticket set first_read_at = ?, first_read_by = ?"
                        + " where id = ? and post_id = ? and first_read_at is null")
                .params(now, reader.userId(), ticketId, postId)
                .update();
        Ticket ticket = find(postId, ticketId);
        if (first == 1) {
            history.add(ticketId, now, reader.username(), TicketEvent.Kind.READ, null, null, null);
            audit.record("ticket.read", postId, "Request " + ticket.reference() + " opened for the first time");
        }
        return new TicketView(ticket, history.of(ticketId));
    }

    /** Changes owner, queue and status and adds a note; each difference becomes a history entry. */
    @Transactional
    public TicketView update(long postId, long ticketId, TicketChange change) {
        Reader reader = require(postId);
        Ticket before = TicketRows.select(jdbc, "where t.id = :id and t.post_id = :post for update of t")
                .param("id", ticketId)
                .param("post", postId)
                .query(TicketRows::ticket)
                .optional()
                .orElseThrow(() -> new NotFoundException("No request " + ticketId + " at this post"));
        Long owner = change.owner() == null ? before.ownerId() : owner(postId, change.owner());
        Queue queue = change.queue() == null ? before.queue() : Queue.parse("queue", change.queue());
        TicketStatus status = change.status() == null ? before.status() : TicketStatus.parse("status", change.status());
        String note = change.note() == null || change.note().isBlank()
                ? null
                : change.note().strip();
        if (note != null && note.length() > 4000) {
            throw new InvalidInputException("note", "is too long (at most 4,000 characters)");
        }
        if (status == TicketStatus.RECEIVED && before.status() != TicketStatus.RECEIVED) {
            throw new InvalidInputException(
                    "status", "a ticket once reviewed cannot be marked 'received, not yet reviewed' again");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(owner, before.ownerId())) {
            String from = before.ownerId() == null ? null : history.username(before.ownerId());
            String to = owner == null ? null : history.username(owner);
            history.add(ticketId, now, reader.username(), TicketEvent.Kind.OWNER, from, to, null);
            changes.add("owner " + (from == null ? "none" : from) + " to " + (to == null ? "none" : to));
        }
        if (queue != before.queue()) {
            history.add(
                    ticketId,
                    now,
                    reader.username(),
                    TicketEvent.Kind.QUEUE,
                    before.queue().name(),
                    queue.name(),
                    null);
            changes.add("queue " + before.queue() + " to " + queue);
        }
        if (status != before.status()) {
            history.add(
                    ticketId,
                    now,
                    reader.username(),
                    TicketEvent.Kind.STATUS,
                    before.status().name(),
                    status.name(),
                    note);
            changes.add("status " + before.status() + " to " + status);
        } else if (note != null) {
            history.add(ticketId, now, reader.username(), TicketEvent.Kind.NOTE, null, null, note);
        }
        if (changes.isEmpty() && note == null) {
            throw new InvalidInputException("note", "change the owner, queue or status, or write a note");
        }
        jdbc.sql("update ticket set owner_id = ?, queue = ?, status = ?, updated_at = ? where id = ?")
                .params(owner, queue.name(), status.name(), now, ticketId)
                .update();
        if (note != null) {
            changes.add("note added");
        }
        audit.record("ticket.updated", postId, "Request " + before.reference() + ": " + String.join("; ", changes));
        return new TicketView(find(postId, ticketId), history.of(ticketId));
    }

    /** Tickets received more than 24 hours ago that nobody has opened. */
    public UnreadAlert unreadAlert(long postId) {
        require(postId);
        OffsetDateTime limit = OffsetDateTime.now(clock).minus(UNREAD_LIMIT);
        return jdbc.sql("select count(*) n, min(received_at) oldest from ticket"
                        + " where post_id = ? and first_read_at is null and received_at <= ?")
                .params(postId, limit)
                .query((rs, n) ->
                        new UnreadAlert(postId, rs.getLong("n"), rs.getObject("oldest", OffsetDateTime.class)))
                .single();
    }

    /** Members of the post who may own tickets: user name and display name, by display name. */
    public List<Owner> owners(long postId) {
        require(postId);
        return history.owners(postId, HANDLERS);
    }

    /** A member who may own tickets. */
    public record Owner(long id, String username, String displayName) {}

    private Ticket find(long postId, long ticketId) {
        return TicketRows.select(jdbc, "where t.id = :id and t.post_id = :post")
                .param("id", ticketId)
                .param("post", postId)
                .query(TicketRows::ticket)
                .optional()
                .orElseThrow(() -> new NotFoundException("No request " + ticketId + " at this post"));
    }

    private Long owner(long postId, String username) {
        if (username.isBlank()) {
            return null;
        }
        return history.owners(postId, HANDLERS).stream()
                .filter(o -> o.username().equals(username.strip()))
                .map(Owner::id)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "owner", "'" + username + "' is not a member of this post who handles requests"));
    }

    private Reader require(long postId) {
        return needToKnow.requireRole(postId, HANDLERS.toArray(Role[]::new));
    }
}
