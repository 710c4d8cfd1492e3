package org.muster.committee;

/**
 * The posture a recommendation asks the chief of mission to seek, if any. The committee only
 * recommends: requesting and approving a posture belong to the chief of mission and the approving
 * authority.
 */
public enum RecommendedPosture {
    NORMAL("Normal operations"),
    AUTHORIZED_DEPARTURE("Authorized departure"),
    ORDERED_DEPARTURE("Ordered departure"),
    SUSPENSION("Suspension of operations");

    private final String label;

    RecommendedPosture(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Blank means no posture; anything else must name one. */
    public static RecommendedPosture parseOptional(String field, String text) {
        return text == null || text.isBlank() ? null : Names.parse(RecommendedPosture.class, field, text);
    }
}
