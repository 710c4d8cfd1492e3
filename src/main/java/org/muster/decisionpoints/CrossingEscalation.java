package org.muster.decisionpoints;

import java.time.Duration;
import org.muster.shared.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code muster.decision-points.escalation-interval} (a minute by default), on one node per
 * interval, escalates the crossings whose "decide by" has passed without a decision.
 */
@Component
class CrossingEscalation {
    static final String JOB = "decision-point-escalation";

    private final ClusterJobs jobs;
    private final Crossings crossings;
    private final Duration interval;

    CrossingEscalation(
            ClusterJobs jobs,
            Crossings crossings,
            @Value("${muster.decision-points.escalation-interval:PT1M}") Duration interval) {
        this.jobs = jobs;
        this.crossings = crossings;
        this.interval = interval;
    }

    @Scheduled(
            fixedRateString = "${muster.decision-points.escalation-interval:PT1M}",
            initialDelayString = "${muster.decision-points.escalation-initial-delay:PT30S}")
    void escalate() {
        jobs.runOncePerSlot(JOB, interval, () -> "escalated " + crossings.escalateOverdue());
    }
}
