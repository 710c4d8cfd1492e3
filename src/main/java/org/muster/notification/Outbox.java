package org.muster.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: a message, its texts and one delivery per recipient are written in the
 * caller's transaction (or a new one), so a message is queued whole or not at all. Deliveries are
 * written with set-based inserts (one statement per 10,000 recipients). The senders
 * ({@code notification.sending}) claim due deliveries from the table; nothing is held in memory.
 * Callers check authorization and audit; this class only writes. Thread-safe.
 */
@Service
public class Outbox {
    private static final int CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues a message to its recipients and returns the message's id. A recipient on a channel
     * the message does not use is refused ({@link IllegalArgumentException}); the recipient's language
     * falls back to English when the message has no text in it.
     */
    @Transactional
    public long enqueue(OutgoingMessage message, List<Recipient> recipients) {
        for (Recipient r : recipients) {
            if (!message.channels().contains(r.channel())) {
                throw new IllegalArgumentException("recipient on " + r.channel() + ", not a channel of this message");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("insert into message (post_id, classification, audience, audience_label, to_public, threat,"
                        + " channels, recipients, created_by, created_at)"
                        + " values (?, ?, ?::jsonb, ?, ?, ?, ?::text[], ?, ?, ?) returning id")
                .params(
                        message.postId(),
                        message.classification().name(),
                        message.audienceJson(),
                        message.audienceLabel(),
                        message.toPublic(),
                        message.threat(),
                        message.channels().stream().map(Enum::name).sorted().toArray(String[]::new),
                        recipients.size(),
                        message.createdBy(),
                        now)
                .query(Long.class)
                .single();
        for (Map.Entry<Language, MessageText> t : message.texts().entrySet()) {
            jdbc.sql("insert into message_text (message_id, language, subject, body) values (?, ?, ?, ?)")
                    .params(
                            id,
                            t.getKey().tag(),
                            t.getValue().subject(),
                            t.getValue().body())
                    .update();
        }
        for (int from = 0; from < recipients.size(); from += CHUNK) {
            insertDeliveries(id, message, recipients.subList(from, Math.min(recipients.size(), from + CHUNK)), now);
        }
        return id;
    }

    private void insertDeliveries(long messageId, OutgoingMessage message, List<Recipient> chunk, OffsetDateTime now) {
        int n = chunk.size();
        String[] ids = new String[n];
        Long[] persons = new Long[n];
        String[] channels = new String[n];
        String[] addresses = new String[n];
        String[] languages = new String[n];
        for (int i = 0; i < n; i++) {
            Recipient r = chunk.get(i);
            ids[i] = UUID.randomUUID().toString();
            persons[i] = r.personId();
            channels[i] = r.channel().name();
            addresses[i] = r.channel() == Channel.IN_APP ? null : r.address().strip();
            languages[i] =
                    message.texts().containsKey(r.language()) ? r.language().tag() : Language.ENGLISH.tag();
        }
        jdbc.sql(
                        "insert into delivery (id, message_id, post_id, person_id, channel, address, language, next_attempt_at)"
                                + " select d.id, ?, ?, d.person, d.channel, d.address, d.language, ?"
                                + " from unnest(?::text[]::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[])"
                                + " as d (id, person, channel, address, language)")
                .params(messageId, message.postId(), now, ids, persons, channels, addresses, languages)
                .update();
    }
}
