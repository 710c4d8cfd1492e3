package org.muster.notification.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.audit.AuditLog;
import org.muster.notification.Language;
import org.muster.notification.MessageText;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.security.NeedToKnow;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A post's public alerts: its messages to the public marked unclassified, except the automatic
 * acknowledgements of requests (audience kind {@code ticket-acknowledgement}, written by the
 * requests module), which are personal. Members of the post export any of them as CAP; everyone
 * may read the published ones (the Atom feed and each alert's CAP document), since they were sent
 * to the public. Thread-safe.
 */
@Service
public class PublicAlerts {
    /** How many alerts the feed lists, newest first. */
    static final int FEED_SIZE = 50;

    private static final String PUBLIC = "to_public and classification = 'UNCLASSIFIED'"
            + " and coalesce(audience ->> 'kind', '') <> 'ticket-acknowledgement'";

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final Posts posts;
    private final AuditLog audit;
    private final Clock clock;

    PublicAlerts(JdbcClient jdbc, NeedToKnow needToKnow, Posts posts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.posts = posts;
        this.audit = audit;
        this.clock = clock;
    }

    private record Row(
            long id,
            long postId,
            Classification classification,
            boolean toPublic,
            boolean published,
            boolean threat,
            OffsetDateTime sentAt) {}

    /**
     * A message of the reader's post as a public alert: 403 for a non-member or a message marked
     * above unclassified, 404 for a message that did not go to the public.
     */
    PublicAlert forMember(long messageId) {
        Row row = row(messageId).orElseThrow(() -> new NotFoundException("No message " + messageId));
        needToKnow.requireMember(row.postId());
        if (row.classification() != Classification.UNCLASSIFIED) {
            throw new AccessDeniedException("Message " + messageId + " is marked "
                    + row.classification().name()
                    + ": only unclassified messages to the public are exported as CAP alerts.");
        }
        if (!row.published()) {
            throw new NotFoundException("Message " + messageId
                    + " is not a message to the public: only messages to the public are exported as CAP alerts.");
        }
        return alerts(posts.get(row.postId()), List.of(row)).get(0);
    }

    /** A published alert of the post, for anyone; 404 for anything else (nothing tells what else exists). */
    PublicAlert published(Post post, long messageId) {
        Row row = row(messageId)
                .filter(r -> r.postId() == post.id() && r.published())
                .orElseThrow(() -> new NotFoundException("No public alert " + messageId + " at " + post.code()));
        return alerts(post, List.of(row)).get(0);
    }

    /** The post's latest published alerts, newest first, at most {@link #FEED_SIZE}. */
    List<PublicAlert> feed(Post post) {
        List<Row> rows = jdbc.sql("select *, " + PUBLIC + " published from message where post_id = ? and " + PUBLIC
                        + " order by created_at desc, id desc limit ?")
                .params(post.id(), FEED_SIZE)
                .query(PublicAlerts::row)
                .list();
        return alerts(post, rows);
    }

    /** Sets a public message's CAP attributes (chief of mission, consular section, administrator). */
    @Transactional
    public CapAttributes describe(long messageId, CapAttributes attributes) {
        PublicAlert alert = forMember(messageId);
        needToKnow.requireRole(alert.post().id(), Role.CHIEF_OF_MISSION, Role.CONSULAR, Role.ADMINISTRATOR);
        jdbc.sql(
                        "insert into public_alert (message_id, category, urgency, severity, certainty, area_desc, set_by, set_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do update set category = excluded.category,"
                                + " urgency = excluded.urgency, severity = excluded.severity, certainty = excluded.certainty,"
                                + " area_desc = excluded.area_desc, set_by = excluded.set_by, set_at = excluded.set_at")
                .params(
                        messageId,
                        attributes.category(),
                        attributes.urgency(),
                        attributes.severity(),
                        attributes.certainty(),
                        attributes.areaDesc(),
                        needToKnow.reader().username(),
                        OffsetDateTime.now(clock))
                .update();
        audit.record(
                "message.cap-attributes",
                alert.post().id(),
                "CAP attributes of message " + messageId + ": "
                        + attributes.category() + ", " + attributes.urgency() + ", " + attributes.severity() + ", "
                        + attributes.certainty());
        return attributes;
    }

    private java.util.Optional<Row> row(long messageId) {
        return jdbc.sql("select *, " + PUBLIC + " published from message where id = ?")
                .param(messageId)
                .query(PublicAlerts::row)
                .optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("post_id"),
                Classification.valueOf(rs.getString("classification")),
                rs.getBoolean("to_public"),
                rs.getBoolean("published"),
                rs.getBoolean("threat"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private List<PublicAlert> alerts(Post post, List<Row> rows) {
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, Map<Language, MessageText>> texts = new HashMap<>();
        jdbc.sql("select message_id, language, subject, body from message_text where message_id = any(?)")
                .param(ids)
                .query(rs -> {
                    texts.computeIfAbsent(rs.getLong("message_id"), k -> new EnumMap<>(Language.class))
                            .put(
                                    Language.parse("language", rs.getString("language")),
                                    new MessageText(rs.getString("subject"), rs.getString("body")));
                });
        Map<Long, CapAttributes> attributes = new HashMap<>();
        jdbc.sql("select * from public_alert where message_id = any(?)")
                .param(ids)
                .query(rs -> {
                    attributes.put(
                            rs.getLong("message_id"),
                            new CapAttributes(
                                    rs.getString("category"),
                                    rs.getString("urgency"),
                                    rs.getString("severity"),
                                    rs.getString("certainty"),
                                    rs.getString("area_desc")));
                });
        return rows.stream()
                .map(r -> new PublicAlert(
                        r.id(),
                        post,
                        r.sentAt(),
                        r.threat(),
                        texts.getOrDefault(r.id(), Map.of()),
                        attributes.getOrDefault(r.id(), CapAttributes.defaults(r.threat()))))
                .toList();
    }
}
