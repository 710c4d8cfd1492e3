package org.muster.decisionpoints;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * A recorded observation of a post; never changed or removed. A report held in a classified system
 * is referenced by {@code handle} and has no {@code note}. {@code origin} says where a row came from
 * when it was imported from a timeline ("provincial-capitals.csv row 14"), else null.
 */
public record Observation(
        @JsonIgnore long postId,
        long id,
        Instant observedAt,
        String subject,
        String event,
        BigDecimal value,
        String source,
        Confidence confidence,
        Classification classification,
        String handle,
        String note,
        String origin,
        String recordedBy,
        Instant recordedAt)
        implements Marked, ObservationLike {}
