package org.muster.people;

/**
 * Which members of a roll-call to list: null fields do not filter. {@code name} matches any part
 * of the given or family name, ignoring case; {@code page} counts from 0.
 */
public record RollCallMemberFilter(CheckInStatus status, Category category, String location, String name, int page) {

    /** The unaccounted, first page: what the live page opens with. */
    public static final RollCallMemberFilter UNACCOUNTED =
            new RollCallMemberFilter(CheckInStatus.UNKNOWN, null, null, null, 0);

    public RollCallMemberFilter {
        location = location == null || location.isBlank() ? null : location.trim();
        name = name == null || name.isBlank() ? null : name.trim();
        page = Math.max(0, page);
    }
}
