package org.muster.decisionpoints;

import java.util.Locale;
import java.util.Optional;
import org.muster.shared.InvalidInputException;

/**
 * The posture of a diplomatic mission, in order of severity: what another mission is reported to
 * have done is an indicator (the domino effect). A later constant is a further step towards leaving.
 */
public enum MissionPosture {
    NORMAL("Normal operations"),
    AUTHORIZED_DEPARTURE("Authorized departure"),
    ORDERED_DEPARTURE("Ordered departure"),
    SUSPENSION("Suspension of operations");

    private final String label;

    MissionPosture(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The posture named by an observation's event: a constant's name or label, ignoring case, with
     * spaces or dashes for underscores ({@code "ordered departure"}); {@code suspended} is SUSPENSION.
     */
    public static Optional<MissionPosture> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (value.equals("SUSPENDED")) {
            return Optional.of(SUSPENSION);
        }
        for (MissionPosture p : values()) {
            if (p.name().equals(value)
                    || p.label.toUpperCase(Locale.ROOT).replace(' ', '_').equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** As {@link #find} but refuses an unknown posture, naming {@code field}. */
    public static MissionPosture parse(String field, String text) {
        return find(text)
                .orElseThrow(() -> new InvalidInputException(
                        field,
                        "must be NORMAL, AUTHORIZED_DEPARTURE, ORDERED_DEPARTURE or SUSPENSION (got '" + text + "')"));
    }
}
