package org.muster.committee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/** One portion (paragraph) of a meeting's minutes with its own classification marking. */
public record MinutePortion(
        @JsonIgnore long postId,
        long id,
        long meetingId,
        int position,
        Classification classification,
        String text,
        OffsetDateTime writtenAt,
        String writtenBy)
        implements Marked {

    /** The mark printed before the portion, e.g. {@code (C)}. */
    @JsonProperty
    public String portionMark() {
        return "(" + classification.portionMark() + ")";
    }
}
