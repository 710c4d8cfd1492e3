package org.muster.notification;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.muster.people.Category;
import org.muster.people.HouseholdChoice;
import org.muster.people.Reach;
import org.muster.people.RollCall;
import org.muster.people.RollCalls;
import org.muster.people.WardenAssignment;
import org.muster.people.WardenAssignments;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** Resolves an audience to the people it selects, through the people module's API, with its label. */
@Component
class AudienceResolver {
    private static final int NAMED = 5;

    private final Reach reach;
    private final RollCalls rollCalls;
    private final WardenAssignments wardens;

    AudienceResolver(Reach reach, RollCalls rollCalls, WardenAssignments wardens) {
        this.reach = reach;
        this.rollCalls = rollCalls;
        this.wardens = wardens;
    }

    ResolvedAudience resolve(long postId, Audience a) {
        return switch (a.kind()) {
            case POST -> ResolvedAudience.of(a, "everyone at the post", reach.everyone(postId));
            case CATEGORIES ->
                ResolvedAudience.of(
                        a,
                        "categories "
                                + names(a.categories().stream()
                                        .map(Category::label)
                                        .toList()),
                        reach.inCategories(postId, a.categories()));
            case HOUSEHOLDS -> households(postId, a);
            case LOCATIONS ->
                ResolvedAudience.of(
                        a, "locations " + names(List.copyOf(a.locations())), reach.inLocations(postId, a.locations()));
            case ROLL_CALL_UNACCOUNTED -> {
                RollCall rc = rollCalls.get(postId, a.rollCallId());
                yield ResolvedAudience.of(
                        a,
                        "the unaccounted of roll-call #" + rc.id() + " '" + rc.title() + "'",
                        reach.unaccounted(postId, rc.id()));
            }
            case WARDEN_LIST -> {
                WardenAssignment w = wardens.list(postId).stream()
                        .filter(x -> x.userId() == a.wardenUserId())
                        .findFirst()
                        .orElseThrow(() ->
                                new InvalidInputException("audience.wardenUserId", "is not a warden of this post"));
                yield ResolvedAudience.of(
                        a,
                        "the warden list of " + w.username()
                                + (w.locations().isEmpty() ? " (no locations)" : " (" + names(w.locations()) + ")"),
                        w.locations().isEmpty() ? List.of() : reach.inLocations(postId, w.locations()));
            }
        };
    }

    private ResolvedAudience households(long postId, Audience a) {
        Map<Long, HouseholdChoice> known =
                reach.households(postId).stream().collect(Collectors.toMap(HouseholdChoice::id, Function.identity()));
        for (Long id : new TreeSet<>(a.households())) {
            if (!known.containsKey(id)) {
                throw new InvalidInputException("audience.households", "no household " + id + " at this post");
            }
        }
        List<String> names = a.households().stream()
                .map(known::get)
                .map(h -> h.name() + " (#" + h.id() + ")")
                .toList();
        return ResolvedAudience.of(a, "households " + names(names), reach.inHouseholds(postId, a.households()));
    }

    /** Up to five names, sorted, then how many more. */
    private static String names(List<String> all) {
        List<String> sorted = all.stream().sorted().toList();
        String shown = String.join(", ", sorted.subList(0, Math.min(NAMED, sorted.size())));
        return sorted.size() > NAMED ? shown + " and " + (sorted.size() - NAMED) + " more" : shown;
    }
}
