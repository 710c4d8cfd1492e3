package org.muster.posture;

/** A named user in a crisis role (the accountable official, the approving authority). */
public record Official(long userId, String username, String displayName) {
    @Override
    public String toString() {
        return displayName + " (" + username + ")";
    }
}
