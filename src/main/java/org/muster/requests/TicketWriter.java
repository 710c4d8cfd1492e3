package org.muster.requests;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.muster.audit.AuditLog;
import org.muster.notification.Language;
import org.muster.posts.Post;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a new ticket with its reference, its first history entry, its audit entry and its
 * acknowledgement, all in the caller's transaction: the requester is acknowledged exactly when the
 * ticket exists. Input is checked by the callers.
 */
@Component
class TicketWriter {
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Acknowledgements acknowledgements;
    private final Clock clock;

    TicketWriter(JdbcClient jdbc, AuditLog audit, Acknowledgements acknowledgements, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.acknowledgements = acknowledgements;
        this.clock = clock;
    }

    /** A checked request: name, contact points (one may be null), language, queue, subject and text. */
    record Request(
            String name, String email, String phone, Language language, Queue queue, String subject, String body) {}

    /**
     * Writes the ticket; empty when a mail with this Message-ID already became one (a mailbox read
     * again after a crash). {@code actor} is who received it: “public form” or “mailbox”.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Receipt> write(
            Post post,
            Request r,
            TicketChannel channel,
            String mailMessageId,
            OffsetDateTime receivedAt,
            String actor) {
        if (mailMessageId != null && alreadyTicket(mailMessageId)) {
            return Optional.empty();
        }
        String reference = nextReference(post, receivedAt);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Long> id = jdbc.sql("insert into ticket (post_id, reference, queue, requester_name, email, phone,"
                        + " language, subject, body, channel, mail_message_id, received_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (mail_message_id) do nothing returning id")
                .params(
                        post.id(),
                        reference,
                        r.queue().name(),
                        r.name(),
                        r.email(),
                        r.phone(),
                        r.language().tag(),
                        r.subject(),
                        r.body(),
                        channel.name(),
                        mailMessageId,
                        receivedAt,
                        now)
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql(
                        "insert into ticket_event (ticket_id, at, actor, kind, to_value, note) values (?, ?, ?, 'RECEIVED', ?, ?)")
                .params(id.get(), now, actor, TicketStatus.RECEIVED.name(), "by " + channel.label())
                .update();
        boolean acknowledged = r.email() != null;
        if (acknowledged) {
            acknowledgements.queue(post, reference, r.language(), r.email(), receivedAt, actor);
        }
        audit.recordAs(
                actor,
                "ticket.received",
                post.id(),
                "Request " + reference + " received by " + channel.label().toLowerCase(java.util.Locale.ROOT)
                        + " in queue " + r.queue().label()
                        + (acknowledged
                                ? "; acknowledgement queued (status: received, not yet reviewed)"
                                : "; no e-mail address, no acknowledgement"));
        return Optional.of(new Receipt(reference, TicketStatus.RECEIVED, receivedAt, r.language(), acknowledged));
    }

    private boolean alreadyTicket(String mailMessageId) {
        return jdbc.sql("select exists (select 1 from ticket where mail_message_id = ?)")
                .param(mailMessageId)
                .query(Boolean.class)
                .single();
    }

    /** KBL-2026-000123: the post's code, the year in the post's time zone, the year's running number. */
    private String nextReference(Post post, OffsetDateTime receivedAt) {
        int year = receivedAt.atZoneSameInstant(post.timeZone()).getYear();
        int number = jdbc.sql("insert into ticket_counter (post_id, year, last) values (?, ?, 1)"
                        + " on conflict (post_id, year) do update set last = ticket_counter.last + 1 returning last")
                .params(post.id(), year)
                .query(Integer.class)
                .single();
        return String.format(java.util.Locale.ROOT, "%s-%d-%06d", post.code(), year, number);
    }
}
