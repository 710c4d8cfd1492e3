package org.muster.committee;

/** A meeting is scheduled, then in session (the record is written), then closed (the record is kept as is). */
public enum MeetingStatus {
    SCHEDULED("Scheduled"),
    IN_SESSION("In session"),
    CLOSED("Closed");

    private final String label;

    MeetingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
