package org.muster.notification.sending;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.muster.notification.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-channel rate limits shared by every node: a token bucket per channel in {@code channel_rate}.
 * A claim takes up to the tokens it wants with one UPDATE (in the claim's transaction, so a claim
 * that rolls back takes nothing): the bucket refills at {@code rate} tokens per second since its last
 * refill, up to {@code rate} (one second's burst), and grants the whole tokens available. The row
 * lock is held only for the claim's short transaction, a few times per second per sender thread, so
 * the bucket is not what limits throughput; a channel without a rate never touches its row.
 */
@Component
class ChannelRates {
    private static final String AVAILABLE =
            "least(:rate, tokens + :rate * greatest(0, extract(epoch from (:now - refilled_at))))";
    private static final String GRANT = "least(:want, floor(" + AVAILABLE + "))";

    private final JdbcClient jdbc;

    ChannelRates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes up to {@code want} tokens at {@code now} from a bucket filling at {@code rate} per second. */
    int take(Channel channel, int want, int rate, Instant now) {
        return jdbc.sql("update channel_rate set granted = " + GRANT + "::integer,"
                        + " tokens = " + AVAILABLE + " - " + GRANT + ","
                        + " refilled_at = greatest(refilled_at, :now)"
                        + " where channel = :channel returning granted")
                .param("rate", rate)
                .param("want", want)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("channel", channel.name())
                .query(Integer.class)
                .single();
    }

    /** Gives back tokens taken but not used (fewer deliveries were due than granted). */
    void giveBack(Channel channel, int tokens, int rate) {
        jdbc.sql("update channel_rate set tokens = least(:rate, tokens + :tokens) where channel = :channel")
                .param("rate", rate)
                .param("tokens", tokens)
                .param("channel", channel.name())
                .update();
    }
}
