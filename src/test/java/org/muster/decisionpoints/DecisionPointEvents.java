package org.muster.decisionpoints;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Collects the decision-point events published in the test application, whichever thread published them. */
@Component
class DecisionPointEvents {
    final List<DecisionPointCrossed> crossed = new CopyOnWriteArrayList<>();
    final List<DecisionPointEscalated> escalated = new CopyOnWriteArrayList<>();

    @EventListener
    void on(DecisionPointCrossed event) {
        crossed.add(event);
    }

    @EventListener
    void on(DecisionPointEscalated event) {
        escalated.add(event);
    }
}
