package org.muster.notification;

import java.util.Map;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * One sent message in full: its summary, its texts by language, what it reached (people, private
 * citizens among them, and who could not be reached by e-mail or SMS), the template it started
 * from, and the review task it opened or answered, if any.
 */
public record MessageDetail(
        MessageSummary summary,
        Map<Language, MessageText> texts,
        int people,
        int citizens,
        int unreachableEmail,
        int unreachableSms,
        String template,
        Long openedReviewTaskId,
        Long answeredReviewTaskId)
        implements Marked {

    @Override
    public long postId() {
        return summary.postId();
    }

    @Override
    public Classification classification() {
        return summary.classification();
    }
}
