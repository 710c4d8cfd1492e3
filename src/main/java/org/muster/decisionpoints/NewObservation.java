package org.muster.decisionpoints;

import java.math.BigDecimal;
import java.time.Instant;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;

/**
 * An observation to record. Required: when it was observed, the subject, the event and the source.
 * {@code confidence} defaults to MODERATE and {@code classification} to UNCLASSIFIED. Muster is an
 * unclassified system: content marked CONFIDENTIAL or SECRET must be referenced by the {@code handle}
 * of the report held elsewhere, and a report given by handle keeps its text out ({@code note} empty).
 */
public record NewObservation(
        Instant observedAt,
        String subject,
        String event,
        BigDecimal value,
        String source,
        Confidence confidence,
        Classification classification,
        String handle,
        String note)
        implements ObservationLike {

    public NewObservation {
        if (observedAt == null) {
            throw new InvalidInputException("observedAt", "is required (when it was observed)");
        }
        subject = required("subject", subject, 200);
        event = required("event", event, 100);
        source = required("source", source, 500);
        confidence = confidence == null ? Confidence.MODERATE : confidence;
        classification = classification == null ? Classification.UNCLASSIFIED : classification;
        handle = optional("handle", handle, 200);
        note = optional("note", note, 2000);
        if (handle != null && note != null) {
            throw new InvalidInputException(
                    "note", "must be empty when a handle is given: the report's text stays where it is held");
        }
        if (handle == null && classification.compareTo(Classification.SBU) > 0) {
            throw new InvalidInputException(
                    "handle", "is required for " + classification + " content: reference the report held elsewhere");
        }
    }

    public NewObservation(Instant observedAt, String subject, String event, String source) {
        this(observedAt, subject, event, null, source, null, null, null, null);
    }

    private static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw new InvalidInputException(field, "is required");
        }
        return v;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw new InvalidInputException(field, "is longer than " + max + " characters");
        }
        return v;
    }
}
