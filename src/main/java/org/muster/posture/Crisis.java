package org.muster.posture;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/**
 * A crisis at a post. It names exactly one accountable official and the approving authority who
 * decides the chief of mission's posture requests. {@code corePresenceTarget} is the number of
 * people to remain at post (chief-of-mission personnel); {@code dailyCapacity} the planned number of
 * people moved out per day (a manual figure until evacuation planning provides it);
 * {@code threatDate} the projected date by which leaving may no longer be possible. The three
 * figures are null until set. {@code closedAt} is null while the crisis is open.
 */
public record Crisis(
        long id,
        long postId,
        String name,
        OffsetDateTime openedAt,
        String openedBy,
        Official accountableOfficial,
        Official approver,
        Integer corePresenceTarget,
        Integer dailyCapacity,
        LocalDate threatDate,
        OffsetDateTime closedAt)
        implements Marked {

    public boolean open() {
        return closedAt == null;
    }
}
