package org.muster.notification.sending;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.notification.Channel;
import org.muster.notification.Language;
import org.muster.notification.ResponseLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts the words into claimed deliveries: the message's text in the delivery's language with the
 * personal response link. The link expires a fixed time ({@code muster.notification.link-lifetime})
 * after the message was created, so a delivery sent again carries the very same link.
 */
@Component
class DeliveryTexts {
    static final String LINK = "{link}";

    private final JdbcClient jdbc;
    private final ResponseLinks links;
    private final SendingSettings settings;

    DeliveryTexts(JdbcClient jdbc, ResponseLinks links, SendingSettings settings) {
        this.jdbc = jdbc;
        this.links = links;
        this.settings = settings;
    }

    /** The deliveries of one channel ready to send, in claim order; one query for all their texts. */
    List<OutgoingDelivery> render(Channel channel, List<DeliveryQueue.Claimed> claimed) {
        Long[] messageIds = claimed.stream()
                .map(DeliveryQueue.Claimed::messageId)
                .distinct()
                .toArray(Long[]::new);
        Map<String, Text> texts = new HashMap<>();
        jdbc.sql("select t.message_id, t.language, t.subject, t.body, m.created_at"
                        + " from message_text t join message m on m.id = t.message_id where t.message_id = any(?)")
                .param(messageIds)
                .query(rs -> {
                    texts.put(
                            rs.getLong("message_id") + "/" + rs.getString("language"),
                            new Text(
                                    rs.getString("subject"),
                                    rs.getString("body"),
                                    rs.getObject("created_at", OffsetDateTime.class)
                                            .toInstant()));
                });
        List<OutgoingDelivery> out = new ArrayList<>(claimed.size());
        for (DeliveryQueue.Claimed c : claimed) {
            Text text = texts.get(c.messageId() + "/" + c.language().tag());
            if (text == null) {
                text = texts.get(c.messageId() + "/" + Language.ENGLISH.tag());
            }
            Instant expires = text.createdAt().plus(settings.linkLifetime);
            // a delivery to an address outside the register (a request's acknowledgement) has no one to
            // answer for, so it carries no answer link
            String link = c.personId() == null ? null : links.url(links.token(c.id(), expires));
            out.add(new OutgoingDelivery(
                    c.id(),
                    c.messageId(),
                    c.postId(),
                    c.personId(),
                    channel,
                    c.address(),
                    c.language(),
                    c.attempts(),
                    text.subject(),
                    withLink(text.body(), link),
                    link));
        }
        return out;
    }

    /**
     * The body with the link in place of every {@code {link}}, or after it when it has none; with no
     * link (null), the body without its {@code {link}} placeholders.
     */
    static String withLink(String body, String link) {
        if (link == null) {
            return body.replace(LINK, "").strip();
        }
        return body.contains(LINK) ? body.replace(LINK, link) : body + "\n\n" + link;
    }

    private record Text(String subject, String body, Instant createdAt) {}
}
