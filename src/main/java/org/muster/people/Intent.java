package org.muster.people;

/** Whether a person wants to leave the country, as they or a list last said. */
public enum Intent {
    LEAVE,
    STAY,
    UNDECIDED,
    UNKNOWN
}
