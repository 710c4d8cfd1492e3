package org.muster.posture;

import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/**
 * A chief of mission's request for a posture and, once decided, the approving authority's
 * decision with its reason ({@code decidedAt}, {@code decidedBy} and {@code reason} are null while
 * it is pending).
 */
public record PostureRequest(
        long id,
        long postId,
        long crisisId,
        Posture posture,
        Subset subset,
        String justification,
        OffsetDateTime requestedAt,
        String requestedBy,
        Status status,
        OffsetDateTime decidedAt,
        String decidedBy,
        String reason)
        implements Marked {

    /** Where a request stands. */
    public enum Status {
        PENDING("Pending"),
        APPROVED("Approved"),
        REFUSED("Refused");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
