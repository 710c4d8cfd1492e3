package org.muster.notification;

import java.util.Set;
import java.util.TreeSet;
import org.muster.people.Category;
import org.muster.shared.InvalidInputException;

/**
 * Who a message goes to, as the sender chose it: everyone at the post, people of some categories,
 * some households or some locations, the unaccounted of a roll-call (open or closed), or a warden's
 * list (the people in the locations assigned to that warden). Only the values of its kind are kept;
 * a kind without its values is refused, naming the field ({@code audience.categories}, ...).
 */
public record Audience(
        AudienceKind kind,
        Set<Category> categories,
        Set<Long> households,
        Set<String> locations,
        Long rollCallId,
        Long wardenUserId) {

    public Audience {
        if (kind == null) {
            throw new InvalidInputException("audience", "choose who the message goes to");
        }
        categories = kind == AudienceKind.CATEGORIES && categories != null ? Set.copyOf(categories) : Set.of();
        households = kind == AudienceKind.HOUSEHOLDS && households != null ? Set.copyOf(households) : Set.of();
        Set<String> trimmed = new TreeSet<>();
        if (kind == AudienceKind.LOCATIONS && locations != null) {
            for (String l : locations) {
                if (l == null || l.isBlank() || l.length() > 200) {
                    throw new InvalidInputException("audience.locations", "each location must be 1 to 200 characters");
                }
                trimmed.add(l.strip());
            }
        }
        locations = Set.copyOf(trimmed);
        rollCallId = kind == AudienceKind.ROLL_CALL_UNACCOUNTED ? rollCallId : null;
        wardenUserId = kind == AudienceKind.WARDEN_LIST ? wardenUserId : null;
        switch (kind) {
            case CATEGORIES -> require(!categories.isEmpty(), "audience.categories", "choose at least one category");
            case HOUSEHOLDS -> require(!households.isEmpty(), "audience.households", "choose at least one household");
            case LOCATIONS -> require(!locations.isEmpty(), "audience.locations", "choose at least one location");
            case ROLL_CALL_UNACCOUNTED -> require(rollCallId != null, "audience.rollCallId", "choose a roll-call");
            case WARDEN_LIST -> require(wardenUserId != null, "audience.wardenUserId", "choose a warden");
            case POST -> {}
        }
    }

    public static Audience wholePost() {
        return new Audience(AudienceKind.POST, null, null, null, null, null);
    }

    public static Audience categories(Set<Category> categories) {
        return new Audience(AudienceKind.CATEGORIES, categories, null, null, null, null);
    }

    public static Audience households(Set<Long> households) {
        return new Audience(AudienceKind.HOUSEHOLDS, null, households, null, null, null);
    }

    public static Audience locations(Set<String> locations) {
        return new Audience(AudienceKind.LOCATIONS, null, null, locations, null, null);
    }

    public static Audience unaccounted(long rollCallId) {
        return new Audience(AudienceKind.ROLL_CALL_UNACCOUNTED, null, null, null, rollCallId, null);
    }

    public static Audience wardenList(long wardenUserId) {
        return new Audience(AudienceKind.WARDEN_LIST, null, null, null, null, wardenUserId);
    }

    /**
     * Whether the audience as chosen reaches only official staff whatever the register holds: a
     * choice of categories all under chief-of-mission authority. Other kinds are judged by the
     * people they resolve to (see {@link ResolvedAudience#toPublic()}).
     */
    boolean staffCategoriesOnly() {
        return kind == AudienceKind.CATEGORIES && categories.stream().allMatch(Category::chiefOfMission);
    }

    private static void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw new InvalidInputException(field, reason);
        }
    }
}
