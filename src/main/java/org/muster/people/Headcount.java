package org.muster.people;

import java.util.Map;
import org.muster.shared.Marked;

/** How many people a post has on its register, by category, and how many are under chief-of-mission authority. */
public record Headcount(long postId, Map<Category, Long> byCategory, long chiefOfMission, long households)
        implements Marked {

    public long total() {
        return byCategory.values().stream().mapToLong(Long::longValue).sum();
    }
}
