package org.muster.notification;

/** How an audience is chosen. */
public enum AudienceKind {
    POST("Everyone at the post"),
    CATEGORIES("Categories of people"),
    HOUSEHOLDS("Households"),
    LOCATIONS("Locations"),
    ROLL_CALL_UNACCOUNTED("The unaccounted of a roll-call"),
    WARDEN_LIST("A warden's list");

    private final String label;

    AudienceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
