package org.muster.decisionpoints;

/** What an indicator measures, and so what its threshold means. */
public enum IndicatorKind {
    /** The number of distinct subjects reported with an event (capitals that fell); threshold: a count. */
    COUNT("Count"),
    /** A named subject reported with a named event (Mazar-i-Sharif fell); no threshold. */
    EVENT("Event"),
    /** The latest figure reported for a subject (an assessed threat level); threshold: a number. */
    LEVEL("Level"),
    /** The latest posture reported for another mission; threshold: a posture. */
    MISSION_POSTURE("Another mission's posture");

    private final String label;

    IndicatorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
