package org.muster.committee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.List;
import org.muster.shared.Marked;

/** The chief of mission's decision on a final recommendation, agenda items, or both. */
public record Decision(
        @JsonIgnore long postId,
        long id,
        long meetingId,
        Long recommendationId,
        List<Long> agendaItemIds,
        String summary,
        OffsetDateTime decidedAt,
        String decidedBy)
        implements Marked {

    public Decision {
        agendaItemIds = List.copyOf(agendaItemIds);
    }
}
