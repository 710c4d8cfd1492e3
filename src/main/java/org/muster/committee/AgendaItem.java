package org.muster.committee;

import java.time.Instant;
import org.muster.shared.InvalidInputException;

/**
 * Something for a meeting to consider. {@code referenceId} is the id of the record in the module
 * that raised it (a crossing of a decision point, a posture whose review is due); it is required
 * for those kinds and optional for {@link AgendaKind#OTHER}. {@code decideBy} (an instant, may be
 * null) is when a decision is due, as the raising module set it.
 */
public record AgendaItem(AgendaKind kind, Long referenceId, String title, Instant decideBy) {
    public AgendaItem {
        if (kind == null) {
            throw new InvalidInputException(
                    "kind", "is required: one of " + java.util.Arrays.toString(AgendaKind.values()));
        }
        if (kind != AgendaKind.OTHER && referenceId == null) {
            throw new InvalidInputException("referenceId", "is required for an item of kind " + kind);
        }
        title = Names.required("title", title, 300);
    }

    /** An item of other business, raised by a person. */
    public static AgendaItem other(String title, Instant decideBy) {
        return new AgendaItem(AgendaKind.OTHER, null, title, decideBy);
    }
}
