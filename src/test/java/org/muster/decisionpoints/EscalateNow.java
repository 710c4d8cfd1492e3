package org.muster.decisionpoints;

/** Runs the escalation job's work at once, for tests outside this package that cannot wait a minute. */
public final class EscalateNow {
    private EscalateNow() {}

    /** Escalates every open crossing past its deadline; returns how many. */
    public static int run(Crossings crossings) {
        return crossings.escalateOverdue();
    }
}
