package org.muster.decisionpoints;

/** Where a crossing stands: waiting for a decision, decided, or past its deadline and escalated. */
public enum CrossingStatus {
    OPEN,
    DECIDED,
    ESCALATED
}
