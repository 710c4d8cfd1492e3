package org.muster.committee;

import java.time.Instant;
import java.util.List;

/**
 * The chief of mission recorded a decision at a committee meeting, settling the listed agenda
 * items (possibly none, for a decision on a recommendation alone). Published in the decision's
 * transaction.
 */
public record DecisionRecorded(
        long postId,
        long meetingId,
        long decisionId,
        List<Long> agendaItemIds,
        String summary,
        String decidedBy,
        Instant at) {

    public DecisionRecorded {
        agendaItemIds = List.copyOf(agendaItemIds);
    }
}
