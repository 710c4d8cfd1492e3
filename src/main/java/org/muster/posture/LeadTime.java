package org.muster.posture;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.muster.people.PeopleRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The lead-time warning: would moving the people still to move, at the planned daily capacity,
 * take longer than the days left before the projected threat date? Under an ordered departure the
 * people still to move are those who must leave and have not ({@link Drawdown#mustLeave(long)});
 * under any other posture, everyone on the post's register not recorded as departed (what a
 * suspension would need to move, which is the question before one is ordered). Capacity and threat
 * date come from the open crisis; the capacity is a manual figure until evacuation planning exists.
 * Today is the post's local date from the injected {@link Clock}. Any member of the post reads it.
 */
@Service
public class LeadTime {
    private final JdbcClient jdbc;
    private final Drawdown drawdown;
    private final Postures postures;
    private final PeopleRegistry registry;

    LeadTime(JdbcClient jdbc, Drawdown drawdown, Postures postures, PeopleRegistry registry) {
        this.jdbc = jdbc;
        this.drawdown = drawdown;
        this.postures = postures;
        this.registry = registry;
    }

    public LeadTimeWarning warning(long postId) {
        PostureStatus status = postures.current(postId);
        long mustLeave = status.posture() == Posture.ORDERED_DEPARTURE ? drawdown.mustLeaveCount(postId) : 0;
        return warning(postId, status, mustLeave);
    }

    /** The warning when the posture in force and the number who must still leave are known already. */
    LeadTimeWarning warning(long postId, PostureStatus status, long mustLeave) {
        long people;
        String basis;
        if (status.posture() == Posture.ORDERED_DEPARTURE) {
            people = mustLeave;
            basis = "people who must leave under the ordered departure ("
                    + status.subset().describe() + ") and have not left";
        } else {
            people = Math.max(0, registry.headcount(postId).total() - drawdown.departedCount(postId));
            basis = "everyone on the register still at post";
        }
        Crisis crisis = Crises.open(jdbc, postId).orElse(null);
        Integer capacity = crisis == null ? null : crisis.dailyCapacity();
        LocalDate threat = crisis == null ? null : crisis.threatDate();
        Long needed = capacity == null ? null : (people + capacity - 1) / capacity;
        Long left = threat == null ? null : ChronoUnit.DAYS.between(drawdown.today(postId), threat);
        boolean warning = needed != null && left != null && needed > left;
        return new LeadTimeWarning(postId, basis, people, capacity, needed, threat, left, warning);
    }
}
