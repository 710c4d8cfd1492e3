package org.muster.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.muster.shared.Marked;

/**
 * The post's messages to private citizens, counted: how many, how many citizen recipients in all
 * (each message counts the citizens it reached), the last one, and each of the last
 * {@value #DAYS} days in the post's time zone (oldest first, days without messages included).
 */
public record CitizenMessageCounts(
        long postId, long messages, long citizenRecipients, Last last, List<Day> days, int openReviewTasks)
        implements Marked {
    public static final int DAYS = 14;

    /** The last message to citizens; its subject is null when the reader may not see the message's marking. */
    public record Last(long messageId, String subject, String audienceLabel, int citizens, OffsetDateTime sentAt) {}

    /** One local day: messages to citizens and the citizens they reached. */
    public record Day(LocalDate date, long messages, long citizens) {}

    /** The highest daily count of citizens reached, for scaling the bars (at least 1). */
    public long peak() {
        return Math.max(1, days.stream().mapToLong(Day::citizens).max().orElse(0));
    }
}
