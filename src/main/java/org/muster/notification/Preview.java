package org.muster.notification;

import java.util.List;
import java.util.Map;
import org.muster.people.Category;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * What sending a draft would do, without doing it: the audience's label, whether it reaches private
 * citizens, how many people it selects by category, how many deliveries each channel gets, who
 * cannot be reached on a chosen channel (a count and the first {@value #SAMPLE} names), the texts
 * each language will get, how many recipients read each language, and the problems that would make
 * sending fail (each naming its field). A draft with no problems can be sent as previewed.
 */
public record Preview(
        long postId,
        Classification classification,
        String audienceLabel,
        boolean toPublic,
        int people,
        Map<Category, Integer> byCategory,
        Map<Channel, Integer> deliveries,
        Map<Channel, Unreachable> unreachable,
        Map<Language, MessageText> texts,
        Map<Language, Integer> readers,
        boolean reviewTaskFollows,
        List<Problem> problems)
        implements Marked {
    public static final int SAMPLE = 20;

    /** The people a chosen channel cannot reach (no address), counted, with the first names. */
    public record Unreachable(int count, List<String> names) {}

    /** Something that makes the draft unsendable, naming the field as the form does. */
    public record Problem(String field, String message) {}

    public boolean sendable() {
        return problems.isEmpty();
    }

    public int totalDeliveries() {
        return deliveries.values().stream().mapToInt(Integer::intValue).sum();
    }
}
