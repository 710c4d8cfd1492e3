package org.muster.committee;

/** How a committee member attended a meeting. */
public enum Presence {
    PRESENT("Present"),
    BY_PHONE("By phone"),
    ABSENT("Absent");

    private final String label;

    Presence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a name, ignoring case and accepting spaces or dashes for underscores; names the field when it refuses. */
    public static Presence parse(String field, String text) {
        return Names.parse(Presence.class, field, text);
    }
}
