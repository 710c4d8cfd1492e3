package org.muster.people;

/** The roll-call is closed: its result is frozen and it accepts no more check-ins. */
public class RollCallClosedException extends RuntimeException {
    public RollCallClosedException(long rollCallId) {
        super("Roll-call " + rollCallId + " is closed; its result is frozen and it accepts no more check-ins.");
    }
}
