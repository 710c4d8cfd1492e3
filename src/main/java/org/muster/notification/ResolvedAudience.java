package org.muster.notification;

import java.util.List;
import org.muster.people.Reachable;

/**
 * An audience resolved against the register: its label as shown and audited, the people it
 * selects, and whether it can reach private citizens (everyone at the post always can; a choice of
 * categories can when one of them is outside chief-of-mission authority; the other kinds when one
 * of the people they select is).
 */
record ResolvedAudience(Audience audience, String label, List<Reachable> people, boolean toPublic) {
    static ResolvedAudience of(Audience audience, String label, List<Reachable> people) {
        boolean toPublic = switch (audience.kind()) {
            case POST -> true;
            case CATEGORIES -> !audience.staffCategoriesOnly();
            default -> people.stream().anyMatch(Reachable::isPublic);
        };
        return new ResolvedAudience(audience, label, List.copyOf(people), toPublic);
    }
}
