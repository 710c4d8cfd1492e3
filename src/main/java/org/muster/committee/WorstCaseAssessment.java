package org.muster.committee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * The worst case the committee considered at a meeting, with its classification. A meeting has at
 * most one; it may be revised while the meeting is open, and no recommendation of the meeting can
 * be final without it.
 */
public record WorstCaseAssessment(
        @JsonIgnore long postId,
        long meetingId,
        Classification classification,
        String text,
        OffsetDateTime writtenAt,
        String writtenBy)
        implements Marked {

    @JsonProperty
    public String portionMark() {
        return "(" + classification.portionMark() + ")";
    }
}
