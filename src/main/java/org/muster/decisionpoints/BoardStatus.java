package org.muster.decisionpoints;

/** A decision point's status on the board. */
public enum BoardStatus {
    NOT_CROSSED("Not crossed"),
    CROSSED("Crossed"),
    OVERDUE("Overdue"),
    ESCALATED("Escalated"),
    DECIDED("Decided");

    private final String label;

    BoardStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
