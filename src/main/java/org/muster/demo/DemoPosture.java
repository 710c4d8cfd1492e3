package org.muster.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.muster.posts.Post;
import org.muster.posture.Crises;
import org.muster.posture.Crisis;
import org.muster.posture.CrisisUpdate;
import org.springframework.stereotype.Component;

/**
 * Opens the demo crisis at KBL: the chief of mission {@code com.kbl} is its accountable official
 * and {@code approver} its approving authority; a core presence of {@value #CORE_PRESENCE} people,
 * a planned {@value #DAILY_CAPACITY} people a day, and a threat date {@value #THREAT_IN_DAYS} days
 * ahead, so the lead-time warning shows (the register's 9,431 people need 12 days at that rate).
 * The posture stays normal: requesting and approving a change is what the demo is for.
 */
@Component
class DemoPosture {
    static final int CORE_PRESENCE = 150;
    static final int DAILY_CAPACITY = 800;
    static final int THREAT_IN_DAYS = 10;

    private final Crises crises;
    private final Clock clock;

    DemoPosture(Crises crises, Clock clock) {
        this.crises = crises;
        this.clock = clock;
    }

    Crisis open(Post kbl) {
        crises.open(kbl.id(), "Taliban offensive (demo)", "com.kbl", "approver");
        LocalDate today = LocalDate.now(clock.withZone(kbl.timeZone()));
        return crises.update(
                kbl.id(),
                new CrisisUpdate(
                        "Taliban offensive (demo)",
                        "com.kbl",
                        "approver",
                        CORE_PRESENCE,
                        DAILY_CAPACITY,
                        today.plusDays(THREAT_IN_DAYS)));
    }
}
