package org.muster.committee;

/** Why an item is on a meeting's agenda; the first two refer to a record of another module by id. */
public enum AgendaKind {
    CROSSED_DECISION_POINT("Crossed decision point"),
    POSTURE_REVIEW("Posture review"),
    OTHER("Other business");

    private final String label;

    AgendaKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AgendaKind parse(String field, String text) {
        return Names.parse(AgendaKind.class, field, text);
    }
}
