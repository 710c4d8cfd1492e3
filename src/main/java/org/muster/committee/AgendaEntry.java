package org.muster.committee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * An item on a meeting's agenda, in order, marked like the record it refers to. {@code decisionId} is the chief of mission's decision
 * that settled it, null while undecided.
 */
public record AgendaEntry(
        @JsonIgnore long postId,
        long id,
        long meetingId,
        int position,
        AgendaKind kind,
        Long referenceId,
        String title,
        Classification classification,
        OffsetDateTime decideBy,
        String addedBy,
        Long decisionId)
        implements Marked {

    @JsonProperty
    public boolean decided() {
        return decisionId != null;
    }

    /** Undecided with its deadline passed at {@code now}. */
    public boolean overdueAt(OffsetDateTime now) {
        return !decided() && decideBy != null && decideBy.isBefore(now);
    }
}
