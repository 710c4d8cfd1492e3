package org.muster.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.posts.Posts;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts every message to private citizens (how many, to how many citizens, when) for the post
 * dashboard, from what each message reached when it was sent ({@code message_reach}). Any member
 * reads the figures; the last message's subject only a reader cleared for its marking. Days are the
 * post's local days, by the injected clock. Thread-safe.
 */
@Service
public class CitizenMessages {
    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final Posts posts;
    private final ReviewTasks reviews;
    private final Clock clock;

    CitizenMessages(JdbcClient jdbc, NeedToKnow needToKnow, Posts posts, ReviewTasks reviews, Clock clock) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.posts = posts;
        this.reviews = reviews;
        this.clock = clock;
    }

    public CitizenMessageCounts counts(long postId) {
        Reader reader = needToKnow.requireMember(postId);
        ZoneId zone = posts.get(postId).timeZone();
        long[] totals = jdbc.sql(
                        "select count(*), coalesce(sum(citizens), 0) from message_reach where post_id = ? and to_public")
                .param(postId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        CitizenMessageCounts.Last last = jdbc.sql(
                        "select r.message_id, t.subject, m.audience_label, r.citizens, r.sent_at,"
                                + " m.classification from message_reach r join message m on m.id = r.message_id"
                                + " left join message_text t on t.message_id = m.id and t.language = 'en-US'"
                                + " where r.post_id = ? and r.to_public order by r.sent_at desc, r.message_id desc limit 1")
                .param(postId)
                .query((rs, n) -> new CitizenMessageCounts.Last(
                        rs.getLong(1),
                        reader.clearance().dominates(Classification.valueOf(rs.getString(6))) ? rs.getString(2) : null,
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getObject(5, java.time.OffsetDateTime.class)))
                .optional()
                .orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusDays(CitizenMessageCounts.DAYS - 1);
        Map<LocalDate, long[]> byDay = new HashMap<>();
        jdbc.sql("select (sent_at at time zone ?)::date d, count(*), sum(citizens) from message_reach"
                        + " where post_id = ? and to_public and sent_at >= ? group by d")
                .params(zone.getId(), postId, first.atStartOfDay(zone).toOffsetDateTime())
                .query(rs -> {
                    byDay.put(rs.getObject(1, LocalDate.class), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        List<CitizenMessageCounts.Day> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            long[] v = byDay.getOrDefault(d, new long[2]);
            days.add(new CitizenMessageCounts.Day(d, v[0], v[1]));
        }
        return new CitizenMessageCounts(
                postId, totals[0], totals[1], last, days, reviews.open(postId).size());
    }
}
