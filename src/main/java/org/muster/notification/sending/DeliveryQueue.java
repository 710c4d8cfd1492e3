package org.muster.notification.sending;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.muster.notification.Channel;
import org.muster.notification.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code delivery} table as a work queue. A claim marks due deliveries of one channel SENDING
 * under a lease in its own short transaction ({@code FOR UPDATE SKIP LOCKED}, so claimers on any
 * node never wait for each other or take the same row), taking rate tokens in the same transaction.
 * Deliveries whose lease ran out (their node died, or a batch outlived its lease) go back to QUEUED,
 * counted in {@code resent_in_flight}: a copy may already have left. Each statement is set-based.
 */
@Component
class DeliveryQueue {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ChannelRates rates;

    DeliveryQueue(JdbcClient jdbc, TransactionTemplate tx, ChannelRates rates) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.rates = rates;
    }

    /** A delivery as claimed; {@code attempts} includes this one. */
    record Claimed(
            UUID id, long messageId, long postId, Long personId, String address, Language language, int attempts) {}

    /**
     * Claims up to {@code max} due deliveries of the channel for {@code claimer} until {@code now + lease},
     * within the channel's shared rate ({@code rate} per second, 0 unlimited).
     */
    List<Claimed> claim(Channel channel, String claimer, int max, int rate, Instant now, Duration lease) {
        return tx.execute(status -> {
            int want = rate > 0 ? rates.take(channel, max, rate, now) : max;
            if (want == 0) {
                return List.of();
            }
            List<Claimed> claimed = jdbc.sql("update delivery set status = 'SENDING', claimed_by = :claimer,"
                            + " lease_until = :leaseUntil, attempts = attempts + 1"
                            + " where id in (select id from delivery where status = 'QUEUED' and channel = :channel"
                            + " and next_attempt_at <= :now order by next_attempt_at limit :max for update skip locked)"
                            + " returning id, message_id, post_id, person_id, address, language, attempts")
                    .param("claimer", claimer)
                    .param("leaseUntil", at(now.plus(lease)))
                    .param("channel", channel.name())
                    .param("now", at(now))
                    .param("max", want)
                    .query((rs, n) -> new Claimed(
                            rs.getObject("id", UUID.class),
                            rs.getLong("message_id"),
                            rs.getLong("post_id"),
                            (Long) rs.getObject("person_id"),
                            rs.getString("address"),
                            Language.parse("language", rs.getString("language")),
                            rs.getInt("attempts")))
                    .list();
            if (rate > 0 && claimed.size() < want) {
                rates.giveBack(channel, want - claimed.size(), rate);
            }
            return claimed;
        });
    }

    /** Whether any delivery of any channel is due at {@code now}: an idle sender's cheap poll. */
    boolean anyDue(Instant now) {
        return jdbc.sql("select exists (select 1 from delivery where status = 'QUEUED' and next_attempt_at <= ?)")
                .param(at(now))
                .query(Boolean.class)
                .single();
    }

    /**
     * Writes the outcome of a batch in one statement: SENT or DELIVERED with the time, FAILED with the
     * reason, or back to QUEUED due at {@code nextAttempt}. Only rows still claimed by {@code claimer}
     * change: a delivery whose lease ran out and that another sender took is left to that sender.
     */
    int record(String claimer, List<Outcome> outcomes, Instant now) {
        int n = outcomes.size();
        String[] ids = new String[n];
        String[] statuses = new String[n];
        String[] failures = new String[n];
        String[] next = new String[n];
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            ids[i] = o.id().toString();
            statuses[i] = o.status();
            failures[i] = o.failure();
            next[i] = o.nextAttempt() == null ? null : o.nextAttempt().toString();
        }
        // Arrays go as positional parameters: named ones would be expanded into lists.
        return jdbc.sql("update delivery d set status = r.status,"
                        + " sent_at = case when r.status in ('SENT', 'DELIVERED') then coalesce(d.sent_at, ?)"
                        + " else d.sent_at end,"
                        + " delivered_at = case when r.status = 'DELIVERED' then ? else d.delivered_at end,"
                        + " failure = r.failure, next_attempt_at = coalesce(r.next_at, d.next_attempt_at),"
                        + " claimed_by = null, lease_until = null"
                        + " from unnest(?::text[]::uuid[], ?::text[], ?::text[], ?::text[]::timestamptz[])"
                        + " as r (id, status, failure, next_at)"
                        + " where d.id = r.id and d.status = 'SENDING' and d.claimed_by = ?")
                .params(at(now), at(now), ids, statuses, failures, next, claimer)
                .update();
    }

    /** A delivery's new state: status, failure reason (or null) and, when re-queued, when it is due. */
    record Outcome(UUID id, String status, String failure, Instant nextAttempt) {}

    /**
     * Puts deliveries whose lease expired before {@code now} back in the queue, due at once, counting
     * a possible second copy (not for in-app notices: they are written and marked in one transaction,
     * so a lost claim sent nothing). Idempotent; any node may run it.
     */
    int requeueExpired(Instant now) {
        return jdbc.sql("update delivery set status = 'QUEUED', claimed_by = null, lease_until = null,"
                        + " next_attempt_at = :now,"
                        + " resent_in_flight = resent_in_flight + case when channel = 'IN_APP' then 0 else 1 end"
                        + " where status = 'SENDING' and lease_until < :now")
                .param("now", at(now))
                .update();
    }

    /**
     * Puts back what claimers with the prefix still hold (a stop that timed out), counted as possibly
     * sent: the sends were under way.
     */
    int release(String claimerPrefix, Instant now) {
        return jdbc.sql("update delivery set status = 'QUEUED', claimed_by = null, lease_until = null,"
                        + " next_attempt_at = :now,"
                        + " resent_in_flight = resent_in_flight + case when channel = 'IN_APP' then 0 else 1 end"
                        + " where status = 'SENDING' and claimed_by like :prefix")
                .param("now", at(now))
                .param("prefix", claimerPrefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .update();
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
