package org.muster.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.muster.audit.AuditLog;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Message templates: the shared ones (seeded in English, Dari and Pashto) and each post's own. Any
 * member of a post reads the templates it may use; those who may send messages there create and
 * edit the post's own (never the shared ones: a post template of the same name replaces a shared one
 * at that post). Every save is audited. Times from the injected clock. Thread-safe.
 */
@Service
public class MessageTemplates {
    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final MessageAccess access;
    private final AuditLog audit;
    private final Clock clock;

    MessageTemplates(JdbcClient jdbc, NeedToKnow needToKnow, MessageAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The templates usable at the post, by name: its own, and the shared ones it does not replace. */
    public List<MessageTemplate> list(long postId) {
        needToKnow.requireMember(postId);
        Map<String, MessageTemplate> byName = new LinkedHashMap<>();
        for (MessageTemplate t : read(postId, null)) {
            byName.merge(t.name().toLowerCase(Locale.ROOT), t, (a, b) -> a.shared() ? b : a);
        }
        return byName.values().stream()
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .toList();
    }

    /** The template of that name usable at the post (its own first), if any. */
    public Optional<MessageTemplate> find(long postId, String name) {
        needToKnow.requireMember(postId);
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return read(postId, name.strip()).stream().min((a, b) -> Boolean.compare(a.shared(), b.shared()));
    }

    /**
     * Creates the post's template {@code name}, or replaces its texts (and name) when
     * {@code originalName} names one of the post's templates. English is required; a language with
     * neither subject nor body is left out. A name already used by another of the post's templates
     * is refused, naming {@code name}.
     */
    @Transactional
    public MessageTemplate save(long postId, String originalName, String name, Map<Language, MessageText> texts) {
        Reader reader = access.requireSender(postId);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new InvalidInputException("name", "a name of 1 to 100 characters is required");
        }
        if (texts == null || !texts.containsKey(Language.ENGLISH)) {
            throw new InvalidInputException("texts.en-US", "an English subject and body are required");
        }
        String original = originalName == null || originalName.isBlank() ? null : originalName.strip();
        boolean taken = jdbc.sql(
                        "select exists (select 1 from message_template where post_id = ? and lower(name) = lower(?)"
                                + " and (?::text is null or lower(name) <> lower(?)))")
                .params(postId, n, original, original)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new InvalidInputException("name", "this post already has a template named '" + n + "'");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        record Created(String by, OffsetDateTime at) {}
        Created created = original == null
                ? null
                : jdbc.sql(
                                "select created_by, created_at from message_template where post_id = ? and lower(name) = lower(?)"
                                        + " order by created_at limit 1")
                        .params(postId, original)
                        .query((rs, i) -> new Created(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
                        .optional()
                        .orElseThrow(() ->
                                new InvalidInputException("template", "no template '" + original + "' at this post"));
        if (original != null) {
            jdbc.sql("delete from message_template where post_id = ? and lower(name) = lower(?)")
                    .params(postId, original)
                    .update();
        }
        for (Map.Entry<Language, MessageText> t : new EnumMap<>(texts).entrySet()) {
            jdbc.sql("insert into message_template (post_id, name, language, subject, body, created_by, created_at,"
                            + " updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            postId,
                            n,
                            t.getKey().tag(),
                            t.getValue().subject(),
                            t.getValue().body(),
                            created == null ? reader.username() : created.by(),
                            created == null ? now : created.at(),
                            reader.username(),
                            now)
                    .update();
        }
        audit.record(
                original == null ? "message-template.created" : "message-template.updated",
                postId,
                "Message template '" + n + "'"
                        + (original != null && !original.equals(n) ? " (was '" + original + "')" : "") + " in "
                        + new EnumMap<>(texts)
                                .keySet().stream().map(Language::tag).toList());
        return find(postId, n).orElseThrow();
    }

    private List<MessageTemplate> read(long postId, String name) {
        record Row(Long postId, String name, Language language, MessageText text, String by, OffsetDateTime at) {}
        List<Row> rows = jdbc.sql(
                        "select post_id, name, language, subject, body, updated_by, updated_at from message_template"
                                + " where (post_id = ? or post_id is null) and (?::text is null or lower(name) = lower(?))"
                                + " order by post_id nulls last, name, language")
                .params(postId, name, name)
                .query((rs, i) -> new Row(
                        rs.getObject(1, Long.class),
                        rs.getString(2),
                        Language.parse("language", rs.getString(3)),
                        new MessageText(rs.getString(4), rs.getString(5)),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class)))
                .list();
        Map<String, List<Row>> grouped = new LinkedHashMap<>();
        for (Row r : rows) {
            grouped.computeIfAbsent((r.postId() == null ? "shared:" : "post:") + r.name(), k -> new ArrayList<>())
                    .add(r);
        }
        List<MessageTemplate> templates = new ArrayList<>();
        for (List<Row> group : grouped.values()) {
            Map<Language, MessageText> texts = new EnumMap<>(Language.class);
            OffsetDateTime latest = group.get(0).at();
            String by = group.get(0).by();
            for (Row r : group) {
                texts.put(r.language(), r.text());
                if (r.at().isAfter(latest)) {
                    latest = r.at();
                    by = r.by();
                }
            }
            templates.add(
                    new MessageTemplate(group.get(0).postId(), group.get(0).name(), texts, by, latest));
        }
        return templates;
    }
}
