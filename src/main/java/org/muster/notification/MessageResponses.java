package org.muster.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * The answers to one message as its post sees them: how many people gave each answer (their latest
 * counts), and the latest answer of each person, newest first. Carries the message's marking, so
 * only a member of the post cleared for it is shown this.
 */
public record MessageResponses(
        long messageId,
        long postId,
        Classification classification,
        Map<Answer, Integer> counts,
        int people,
        List<Row> latest)
        implements Marked {

    /** One person's latest answer; {@code answers} is how many they gave in all. */
    public record Row(long personId, String name, Answer answer, String note, OffsetDateTime answeredAt, int answers) {}
}
