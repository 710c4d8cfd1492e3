package org.muster.committee;

import java.time.Instant;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;

/**
 * Something for a meeting to consider. {@code referenceId} is the id of the record in the module
 * that raised it (a crossing of a decision point, a posture whose review is due); it is required
 * for those kinds and optional for {@link AgendaKind#OTHER}. {@code decideBy} (an instant, may be
 * null) is when a decision is due, as the raising module set it. {@code classification} is the
 * marking of the record it refers to (a decision point's title may be classified); null is
 * unclassified.
 */
public record AgendaItem(
        AgendaKind kind, Long referenceId, String title, Instant decideBy, Classification classification) {
    public AgendaItem {
        if (kind == null) {
            throw new InvalidInputException(
                    "kind", "is required: one of " + java.util.Arrays.toString(AgendaKind.values()));
        }
        if (kind != AgendaKind.OTHER && referenceId == null) {
            throw new InvalidInputException("referenceId", "is required for an item of kind " + kind);
        }
        title = Names.required("title", title, 300);
        classification = classification == null ? Classification.UNCLASSIFIED : classification;
    }

    /** An unclassified item. */
    public AgendaItem(AgendaKind kind, Long referenceId, String title, Instant decideBy) {
        this(kind, referenceId, title, decideBy, Classification.UNCLASSIFIED);
    }

    /** The title where it may be written down for anyone (the audit log): only when at most SBU. */
    String describe() {
        return classification.compareTo(Classification.SBU) <= 0
                ? "'" + title + "'"
                : "(title marked " + classification.name() + ")";
    }

    /** An item of other business, raised by a person. */
    public static AgendaItem other(String title, Instant decideBy) {
        return new AgendaItem(AgendaKind.OTHER, null, title, decideBy);
    }
}
