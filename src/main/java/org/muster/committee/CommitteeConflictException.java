package org.muster.committee;

/**
 * The change conflicts with the state of the record (a 409): closed meetings and final
 * recommendations are kept as they are, and attendance, minutes and votes are written only while a
 * meeting is in session.
 */
public class CommitteeConflictException extends RuntimeException {
    CommitteeConflictException(String message) {
        super(message);
    }

    static CommitteeConflictException closed(long meetingId) {
        return new CommitteeConflictException("Meeting " + meetingId + " is closed; its record is kept as it is.");
    }

    static CommitteeConflictException notInSession(long meetingId) {
        return new CommitteeConflictException("Meeting " + meetingId + " is not in session; open the session first.");
    }
}
