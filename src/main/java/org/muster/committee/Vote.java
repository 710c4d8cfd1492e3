package org.muster.committee;

/** A committee member's vote on a recommendation. */
public enum Vote {
    FOR("For"),
    AGAINST("Against"),
    ABSTAIN("Abstain");

    private final String label;

    Vote(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Vote parse(String field, String text) {
        return Names.parse(Vote.class, field, text);
    }
}
