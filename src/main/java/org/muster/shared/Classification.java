package org.muster.shared;

import java.util.Locale;

/**
 * A classification marking, lowest first. A reader may see content whose marking their clearance
 * dominates; the portion mark is what is printed before a paragraph, e.g. {@code (U)}.
 */
public enum Classification {
    UNCLASSIFIED("U", "Unclassified"),
    SBU("SBU", "Sensitive but unclassified"),
    CONFIDENTIAL("C", "Confidential"),
    SECRET("S", "Secret");

    private final String portionMark;
    private final String label;

    Classification(String portionMark, String label) {
        this.portionMark = portionMark;
        this.label = label;
    }

    public String portionMark() {
        return portionMark;
    }

    public String label() {
        return label;
    }

    /** True when a holder of this clearance may read content marked {@code marking}. */
    public boolean dominates(Classification marking) {
        return compareTo(marking) >= 0;
    }

    /** Parses a name or a portion mark, ignoring case; names the accepted values when it refuses. */
    public static Classification parse(String text) {
        if (text != null) {
            String value = text.trim().toUpperCase(Locale.ROOT);
            for (Classification c : values()) {
                if (c.name().equals(value) || c.portionMark.equals(value)) {
                    return c;
                }
            }
        }
        throw new InvalidInputException(
                "classification", "must be one of UNCLASSIFIED, SBU, CONFIDENTIAL, SECRET (got '" + text + "')");
    }
}
