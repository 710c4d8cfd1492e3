package org.muster.notification.sending;

import java.time.Duration;

/**
 * Exponential back-off with jitter: after the n-th failed attempt the next waits {@code base * 2^(n-1)},
 * capped at {@code cap}, times a random factor in [0.5, 1) so that deliveries failed together do not
 * all come back at the same instant.
 */
record Backoff(Duration base, Duration cap) {
    Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("retry-base must be positive and retry-cap at least retry-base");
        }
    }

    /** The wait after failed attempt {@code attempt} (1 for the first), for {@code random} in [0, 1). */
    Duration delay(int attempt, double random) {
        int doublings = Math.max(0, Math.min(attempt - 1, 40));
        double millis = Math.min((double) cap.toMillis(), base.toMillis() * Math.pow(2, doublings));
        return Duration.ofMillis((long) (millis * (0.5 + 0.5 * random)));
    }
}
