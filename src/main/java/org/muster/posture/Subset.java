package org.muster.posture;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.muster.people.Category;
import org.muster.shared.InvalidInputException;

/**
 * Whom a posture concerns: people of any of {@code categories} (every category when empty) and,
 * when {@code underAge} is given, younger than that many years by their date of birth (people whose
 * date of birth is not known are not counted as under age). {@link #EVERYONE} is the default.
 */
public record Subset(Set<Category> categories, Integer underAge) {
    public static final Subset EVERYONE = new Subset(Set.of(), null);

    public Subset {
        categories = categories == null || categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        if (underAge != null && (underAge < 1 || underAge > 120)) {
            throw new InvalidInputException("underAge", "must be 1 to 120 years when given");
        }
    }

    public boolean everyone() {
        return categories.isEmpty() && underAge == null;
    }

    /** The categories in their declared order, for display and storage. */
    public java.util.List<Category> orderedCategories() {
        return categories.stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** In words, for example: Eligible family member, under 18; everyone under 18; everyone. */
    public String describe() {
        String who = categories.isEmpty()
                ? "everyone"
                : orderedCategories().stream().map(Category::label).collect(Collectors.joining(" or "));
        return underAge == null ? who : who + (categories.isEmpty() ? " under " : ", under ") + underAge;
    }

    String[] categoryNames() {
        return orderedCategories().stream().map(Enum::name).toArray(String[]::new);
    }

    static Subset of(String[] names, Integer underAge) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String n : names) {
            categories.add(Category.valueOf(n));
        }
        return new Subset(categories, underAge);
    }
}
