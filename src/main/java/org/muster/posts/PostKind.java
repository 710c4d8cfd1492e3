package org.muster.posts;

/** The kind of diplomatic post. */
public enum PostKind {
    EMBASSY("Embassy"),
    CONSULATE_GENERAL("Consulate General"),
    CONSULATE("Consulate"),
    MISSION("Mission");

    private final String label;

    PostKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
