package org.muster.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.shared.Classification;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A post's sent messages as members read them: the list (newest first, only messages whose marking
 * the reader's clearance dominates, so pages and totals agree), one message with its texts and what
 * it reached, and its deliveries by status. Thread-safe.
 */
@Service
public class SentMessages {
    public static final int PAGE_SIZE = 20;
    public static final int DELIVERY_PAGE_SIZE = 50;

    private static final String SELECT = "select m.*, coalesce(t.subject, '') subject, count(*) over () total"
            + " from message m left join message_text t on t.message_id = m.id and t.language = 'en-US'";

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final Deliveries deliveries;

    SentMessages(JdbcClient jdbc, NeedToKnow needToKnow, Deliveries deliveries) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.deliveries = deliveries;
    }

    /** One page of the post's messages the reader may see, newest first, {@value #PAGE_SIZE} a page. */
    public MessagePage list(long postId, int page) {
        Reader reader = needToKnow.requireMember(postId);
        int p = Math.max(0, page);
        long[] total = {0};
        List<MessageSummary> rows = jdbc.sql(SELECT + " where m.post_id = ? and m.classification = any(?)"
                        + " order by m.created_at desc, m.id desc limit ? offset ?")
                .params(postId, visible(reader), PAGE_SIZE, (long) p * PAGE_SIZE)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return summary(rs, Map.of());
                })
                .list();
        if (rows.isEmpty()) {
            return new MessagePage(List.of(), p, PAGE_SIZE, p == 0 ? 0 : count(postId, reader));
        }
        Map<Long, Map<DeliveryStatus, Long>> statuses =
                deliveries.summaries(rows.stream().map(MessageSummary::id).toList());
        return new MessagePage(
                needToKnow.filter(rows.stream()
                        .map(m -> withStatuses(m, statuses.get(m.id())))
                        .toList()),
                p,
                PAGE_SIZE,
                total[0]);
    }

    /** One message of the post with its texts and reach; 404 for another post's, 403 above the reader's clearance. */
    public MessageDetail get(long postId, long messageId) {
        needToKnow.requireMember(postId);
        MessageSummary summary = jdbc.sql(SELECT + " where m.post_id = ? and m.id = ?")
                .params(postId, messageId)
                .query((rs, n) -> summary(rs, Map.of()))
                .optional()
                .orElseThrow(() -> new NotFoundException("No message " + messageId + " at this post"));
        needToKnow.check(summary);
        summary = withStatuses(summary, deliveries.summaries(List.of(messageId)).get(messageId));
        Map<Language, MessageText> texts = new EnumMap<>(Language.class);
        jdbc.sql("select language, subject, body from message_text where message_id = ?")
                .param(messageId)
                .query(rs -> {
                    texts.put(
                            Language.parse("language", rs.getString(1)),
                            new MessageText(rs.getString(2), rs.getString(3)));
                });
        MessageSummary s = summary;
        return jdbc.sql("select r.*, (select id from message_review_task where message_id = r.message_id) opened"
                        + " from message_reach r where r.message_id = ?")
                .param(messageId)
                .query((rs, n) -> new MessageDetail(
                        s,
                        texts,
                        rs.getInt("people"),
                        rs.getInt("citizens"),
                        rs.getInt("unreachable_email"),
                        rs.getInt("unreachable_sms"),
                        rs.getString("template_name"),
                        rs.getObject("opened", Long.class),
                        rs.getObject("review_task_id", Long.class)))
                .optional()
                .orElseGet(() -> new MessageDetail(s, texts, 0, 0, 0, 0, null, null, null));
    }

    /** One page of a message's deliveries ({@code status} null: all), {@value #DELIVERY_PAGE_SIZE} a page. */
    public DeliveryPage deliveries(long postId, long messageId, DeliveryStatus status, int page) {
        get(postId, messageId);
        return deliveries.page(messageId, status, Math.max(0, page), DELIVERY_PAGE_SIZE);
    }

    private long count(long postId, Reader reader) {
        return jdbc.sql("select count(*) from message where post_id = ? and classification = any(?)")
                .params(postId, visible(reader))
                .query(Long.class)
                .single();
    }

    private static String[] visible(Reader reader) {
        return Arrays.stream(Classification.values())
                .filter(reader.clearance()::dominates)
                .map(Enum::name)
                .toArray(String[]::new);
    }

    private static MessageSummary withStatuses(MessageSummary m, Map<DeliveryStatus, Long> statuses) {
        return new MessageSummary(
                m.id(),
                m.postId(),
                m.classification(),
                m.subject(),
                m.audienceLabel(),
                m.channels(),
                m.toPublic(),
                m.threat(),
                m.recipients(),
                statuses == null ? Map.of() : statuses,
                m.createdBy(),
                m.createdAt());
    }

    private static MessageSummary summary(ResultSet rs, Map<DeliveryStatus, Long> statuses) throws SQLException {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String c : (String[]) rs.getArray("channels").getArray()) {
            channels.add(Channel.valueOf(c));
        }
        return new MessageSummary(
                rs.getLong("id"),
                rs.getLong("post_id"),
                Classification.valueOf(rs.getString("classification")),
                rs.getString("subject"),
                rs.getString("audience_label"),
                channels,
                rs.getBoolean("to_public"),
                rs.getBoolean("threat"),
                rs.getInt("recipients"),
                statuses,
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
