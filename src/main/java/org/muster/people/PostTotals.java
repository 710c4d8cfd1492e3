package org.muster.people;

import org.muster.shared.Marked;

/**
 * A post's register in four figures, now: everyone, those under chief-of-mission authority, and the
 * private U.S. citizens as a range from verified to claimed (citizenship not disproved).
 */
public record PostTotals(
        long postId, long people, long chiefOfMission, long privateCitizensVerified, long privateCitizensClaimed)
        implements Marked {

    static PostTotals empty(long postId) {
        return new PostTotals(postId, 0, 0, 0, 0);
    }

    /** The range written out (for example 1,020 to 1,400), or one figure when both ends agree. */
    public String privateCitizenRange() {
        return privateCitizensVerified == privateCitizensClaimed
                ? String.format("%,d", privateCitizensVerified)
                : String.format("%,d to %,d", privateCitizensVerified, privateCitizensClaimed);
    }
}
