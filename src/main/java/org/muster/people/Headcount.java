package org.muster.people;

import java.time.OffsetDateTime;
import java.util.Map;
import org.muster.shared.Marked;

/**
 * A post's register counted at one instant ({@code asOf}; null means now): people by category and
 * by location (null key: location unknown), how many are under chief-of-mission authority, and the
 * private U.S. citizens as a range: from those whose citizenship is verified to all who claim it
 * (everyone registered as a private citizen whose citizenship is not disproved).
 * {@code unaccompaniedMinors} and {@code households} are counted now only (null for a past instant
 * when not known).
 */
public record Headcount(
        long postId,
        OffsetDateTime asOf,
        Map<Category, Long> byCategory,
        Map<String, Long> byLocation,
        long chiefOfMission,
        long households,
        Long unaccompaniedMinors,
        long privateCitizensVerified,
        long privateCitizensClaimed)
        implements Marked {

    public long total() {
        return byCategory.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The range written out (for example 1020 to 1400), or a single figure when verified and claimed agree. */
    public String privateCitizenRange() {
        return privateCitizensVerified == privateCitizensClaimed
                ? String.format("%,d", privateCitizensVerified)
                : String.format("%,d to %,d", privateCitizensVerified, privateCitizensClaimed);
    }
}
