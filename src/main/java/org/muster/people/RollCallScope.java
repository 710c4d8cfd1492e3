package org.muster.people;

import java.util.Set;
import java.util.TreeSet;
import org.muster.shared.InvalidInputException;

/**
 * Who a roll-call asks for: the post's people whose category is one of {@code categories}, whose
 * location is one of {@code locations} and whose household is one of {@code households}. An empty
 * set does not narrow the scope, so the empty scope is the whole post. Null sets are empty sets.
 */
public record RollCallScope(Set<Category> categories, Set<String> locations, Set<Long> households) {
    public static final RollCallScope WHOLE_POST = new RollCallScope(Set.of(), Set.of(), Set.of());

    public RollCallScope {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        households = households == null ? Set.of() : Set.copyOf(households);
        Set<String> trimmed = new TreeSet<>();
        for (String location : locations == null ? Set.<String>of() : locations) {
            if (location == null || location.isBlank() || location.length() > 200) {
                throw new InvalidInputException("scope.locations", "each location must be 1 to 200 characters");
            }
            trimmed.add(location.trim());
        }
        locations = Set.copyOf(trimmed);
    }

    public boolean wholePost() {
        return categories.isEmpty() && locations.isEmpty() && households.isEmpty();
    }

    /** The scope in plain words, for the audit log and the page. */
    public String describe() {
        if (wholePost()) {
            return "everyone at the post";
        }
        StringBuilder text = new StringBuilder();
        if (!categories.isEmpty()) {
            text.append("categories ")
                    .append(String.join(
                            ", ",
                            categories.stream().map(Category::label).sorted().toList()));
        }
        if (!locations.isEmpty()) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append("locations ")
                    .append(String.join(", ", new TreeSet<>(locations)));
        }
        if (!households.isEmpty()) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append("households ")
                    .append(String.join(
                            ", ",
                            new TreeSet<>(households)
                                    .stream().map(String::valueOf).toList()));
        }
        return text.toString();
    }
}
