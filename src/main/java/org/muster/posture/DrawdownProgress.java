package org.muster.posture;

import java.time.LocalDate;
import java.util.List;
import org.muster.shared.Marked;

/**
 * Chief-of-mission personnel remaining at post at the end of each day (the last point: now), the
 * departures recorded that day, against the crisis's core-presence target (null when not set). Days
 * are the post's local dates, from the crisis's opening (or the first departure, if earlier) to
 * today, at most {@value Drawdown#MAX_DAYS} of them.
 */
public record DrawdownProgress(long postId, Integer corePresenceTarget, List<Point> points) implements Marked {

    /** One day: people remaining at its end, and departures recorded on it. */
    public record Point(LocalDate date, long remaining, long departed) {}

    /** People remaining now (0 when there are no points). */
    public long remaining() {
        return points.isEmpty() ? 0 : points.get(points.size() - 1).remaining();
    }

    /** How many more must leave to reach the target; null without a target. */
    public Long aboveTarget() {
        return corePresenceTarget == null ? null : Math.max(0, remaining() - corePresenceTarget);
    }
}
