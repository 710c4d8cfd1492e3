package org.muster.posture;

import java.time.LocalDate;
import org.muster.shared.InvalidInputException;

/**
 * The editable facts of an open crisis, all replaced at once. {@code accountableOfficial} and
 * {@code approver} are user names; the three figures may be null (not yet known).
 */
public record CrisisUpdate(
        String name,
        String accountableOfficial,
        String approver,
        Integer corePresenceTarget,
        Integer dailyCapacity,
        LocalDate threatDate) {
    static final int MAX_PEOPLE = 1_000_000;

    public CrisisUpdate {
        name = Crises.name(name);
        if (corePresenceTarget != null && (corePresenceTarget < 0 || corePresenceTarget > MAX_PEOPLE)) {
            throw new InvalidInputException("corePresenceTarget", "must be 0 to " + MAX_PEOPLE + " people");
        }
        if (dailyCapacity != null && (dailyCapacity < 1 || dailyCapacity > MAX_PEOPLE)) {
            throw new InvalidInputException("dailyCapacity", "must be 1 to " + MAX_PEOPLE + " people a day");
        }
    }
}
