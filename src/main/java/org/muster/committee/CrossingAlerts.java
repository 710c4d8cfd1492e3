package org.muster.committee;

import org.muster.decisionpoints.DecisionPointCrossed;
import org.muster.shared.Classification;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts a crossed decision point before the committee (see {@link AlertAgenda}): on the agenda of the
 * meeting in session or the next within 24 hours, else of a meeting convened for it. Runs as
 * {@code system} whoever recorded the observation, in its own transaction after the crossing's
 * commits; the event publication registry redelivers it after a crash, and a redelivery adds nothing.
 * Titles marked above SBU stay out of the meeting's title and reason, which every reader sees.
 */
@Component
class CrossingAlerts {
    private final AlertAgenda agenda;
    private final AgendaLinks links;

    CrossingAlerts(AlertAgenda agenda, AgendaLinks links) {
        this.agenda = agenda;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(DecisionPointCrossed crossed) {
        Classification marking = links.crossingMarking(crossed.crossingId());
        AgendaItem item = new AgendaItem(
                AgendaKind.CROSSED_DECISION_POINT, crossed.crossingId(), crossed.title(), crossed.decideBy(), marking);
        String reason = marking.compareTo(Classification.SBU) <= 0
                ? "Decision point crossed: " + crossed.title()
                : "Decision point '" + crossed.key() + "' crossed (its title is marked " + marking.name() + ")";
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            agenda.raise(crossed.postId(), item, reason);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
