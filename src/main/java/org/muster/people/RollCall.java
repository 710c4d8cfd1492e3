package org.muster.people;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/**
 * A roll-call (muster): its scope was fixed into members when it started; the target is
 * {@code targetPercent} of chief-of-mission personnel accounted for within {@code targetMinutes}.
 * {@code members} and {@code accounted} count what the reader may see (a warden: their locations).
 * Times are UTC instants; {@code closedAt} null means open.
 */
public record RollCall(
        @JsonIgnore long postId,
        long id,
        String title,
        RollCallScope scope,
        int targetPercent,
        int targetMinutes,
        OffsetDateTime startedAt,
        String startedBy,
        OffsetDateTime closedAt,
        String closedBy,
        long members,
        long accounted)
        implements Marked {

    public static final int DEFAULT_TARGET_PERCENT = 100;
    public static final int DEFAULT_TARGET_MINUTES = 60;

    @JsonProperty
    public boolean open() {
        return closedAt == null;
    }

    @JsonProperty
    public double accountedPercent() {
        return RollCallFigures.percent(accounted, members);
    }
}
