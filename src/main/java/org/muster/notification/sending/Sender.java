package org.muster.notification.sending;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.muster.notification.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One round of sending for one channel: claim a batch (a short transaction), render and send it
 * outside any transaction, record every outcome in one statement, and note the messages it finished.
 * A failure worth retrying comes back after an exponential back-off with jitter until
 * {@code muster.notification.max-attempts}, then fails with its last reason. Thread-safe: each sender
 * thread passes its own claimer name.
 */
@Component
class Sender {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    private final DeliveryQueue queue;
    private final DeliveryTexts texts;
    private final SendingSettings settings;
    private final MessageCompletion completion;
    private final Clock clock;
    private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);

    Sender(
            DeliveryQueue queue,
            DeliveryTexts texts,
            SendingSettings settings,
            MessageCompletion completion,
            Clock clock,
            List<DeliveryChannel> channels) {
        this.queue = queue;
        this.texts = texts;
        this.settings = settings;
        this.completion = completion;
        this.clock = clock;
        for (DeliveryChannel c : channels) {
            if (this.channels.put(c.kind(), c) != null) {
                throw new IllegalStateException("two implementations of the channel " + c.kind());
            }
        }
        for (Channel c : Channel.values()) {
            if (!this.channels.containsKey(c)) {
                throw new IllegalStateException("no implementation of the channel " + c);
            }
        }
    }

    /** Claims, sends and records one batch of the channel; returns how many deliveries it claimed. */
    int sendOnce(Channel channel, String claimer) {
        List<DeliveryQueue.Claimed> claimed =
                queue.claim(channel, claimer, settings.batch, settings.rate(channel), clock.instant(), settings.lease);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<SendResult> results;
        try {
            results = channels.get(channel).send(texts.render(channel, claimed));
        } catch (RuntimeException e) {
            log.warn("Sending {} {} deliveries failed as a whole", claimed.size(), channel, e);
            String reason = "sending failed: " + e;
            results =
                    claimed.stream().map(c -> SendResult.retry(c.id(), reason)).toList();
        }
        List<DeliveryQueue.Outcome> outcomes = outcomes(claimed, results, clock.instant());
        record(claimer, outcomes);
        completion.finish(claimed.stream()
                .map(DeliveryQueue.Claimed::messageId)
                .distinct()
                .toList());
        return claimed.size();
    }

    /** Each claimed delivery's new state; a delivery the channel gave no result for is retried. */
    List<DeliveryQueue.Outcome> outcomes(List<DeliveryQueue.Claimed> claimed, List<SendResult> results, Instant now) {
        Map<UUID, SendResult> byId = new HashMap<>();
        results.forEach(r -> byId.put(r.deliveryId(), r));
        List<DeliveryQueue.Outcome> outcomes = new ArrayList<>(claimed.size());
        for (DeliveryQueue.Claimed c : claimed) {
            SendResult r = byId.getOrDefault(c.id(), SendResult.retry(c.id(), "the channel gave no result"));
            outcomes.add(
                    switch (r.outcome()) {
                        case SENT -> new DeliveryQueue.Outcome(c.id(), "SENT", null, null);
                        case DELIVERED -> new DeliveryQueue.Outcome(c.id(), "DELIVERED", null, null);
                        case FAILED -> new DeliveryQueue.Outcome(c.id(), "FAILED", r.reason(), null);
                        case RETRY ->
                            c.attempts() >= settings.maxAttempts
                                    ? new DeliveryQueue.Outcome(
                                            c.id(),
                                            "FAILED",
                                            "gave up after " + c.attempts() + " attempts; last: " + r.reason(),
                                            null)
                                    : new DeliveryQueue.Outcome(
                                            c.id(),
                                            "QUEUED",
                                            r.reason(),
                                            now.plus(settings.backoff.delay(
                                                    c.attempts(),
                                                    ThreadLocalRandom.current().nextDouble())));
                    });
        }
        return outcomes;
    }

    /**
     * Records outcomes, trying three times: sent e-mails whose outcome is never recorded stay SENDING
     * until their lease runs out and are then sent again (and counted as possible second copies).
     */
    private void record(String claimer, List<DeliveryQueue.Outcome> outcomes) {
        for (int attempt = 1; ; attempt++) {
            try {
                queue.record(claimer, outcomes, clock.instant());
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    log.error(
                            "Could not record {} delivery outcomes; they return to the queue when their lease"
                                    + " runs out",
                            outcomes.size(),
                            e);
                    return;
                }
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
