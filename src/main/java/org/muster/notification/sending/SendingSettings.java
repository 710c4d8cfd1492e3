package org.muster.notification.sending;

import java.time.Duration;
import org.muster.notification.Channel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The senders' configuration ({@code muster.notification.*}), read once at start-up. */
@Component
class SendingSettings {
    final boolean enabled;
    final int senders;
    final int batch;
    final Duration lease;
    final Duration pollInterval;
    final Duration sweepInterval;
    final Duration stopTimeout;
    final int maxAttempts;
    final Backoff backoff;
    final int emailRate;
    final int smsRate;
    final Duration linkLifetime;

    SendingSettings(
            @Value("${muster.notification.sending.enabled:true}") boolean enabled,
            @Value("${muster.cli:false}") boolean commandLine,
            @Value("${muster.notification.senders:4}") int senders,
            @Value("${muster.notification.batch:100}") int batch,
            @Value("${muster.notification.lease:60s}") Duration lease,
            @Value("${muster.notification.poll-interval:200ms}") Duration pollInterval,
            @Value("${muster.notification.sweep-interval:10s}") Duration sweepInterval,
            @Value("${muster.notification.stop-timeout:30s}") Duration stopTimeout,
            @Value("${muster.notification.max-attempts:8}") int maxAttempts,
            @Value("${muster.notification.retry-base:30s}") Duration retryBase,
            @Value("${muster.notification.retry-cap:30m}") Duration retryCap,
            @Value("${muster.notification.rate.email:0}") int emailRate,
            @Value("${muster.notification.rate.sms:0}") int smsRate,
            @Value("${muster.notification.link-lifetime:14d}") Duration linkLifetime) {
        if (senders < 1 || batch < 1 || maxAttempts < 1 || emailRate < 0 || smsRate < 0) {
            throw new IllegalArgumentException(
                    "muster.notification: senders, batch and max-attempts must be at least 1," + " rates at least 0");
        }
        this.enabled = enabled && !commandLine;
        this.senders = senders;
        this.batch = batch;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.sweepInterval = sweepInterval;
        this.stopTimeout = stopTimeout;
        this.maxAttempts = maxAttempts;
        this.backoff = new Backoff(retryBase, retryCap);
        this.emailRate = emailRate;
        this.smsRate = smsRate;
        this.linkLifetime = linkLifetime;
    }

    /** Deliveries per second the channel may start, shared by all nodes; 0 is unlimited. */
    int rate(Channel channel) {
        return switch (channel) {
            case EMAIL -> emailRate;
            case SMS -> smsRate;
            case IN_APP -> 0;
        };
    }
}
