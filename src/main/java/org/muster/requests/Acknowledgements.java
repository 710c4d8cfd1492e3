package org.muster.requests;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muster.notification.Channel;
import org.muster.notification.Language;
import org.muster.notification.MessageText;
import org.muster.notification.Outbox;
import org.muster.notification.OutgoingMessage;
import org.muster.notification.Recipient;
import org.muster.posts.Post;
import org.muster.shared.Classification;
import org.springframework.stereotype.Component;

/**
 * Queues the automatic acknowledgement of a new ticket through the notification outbox, in the
 * caller's transaction: one unclassified e-mail to the requester's address (no person in the
 * register), in their language, with the texts of all three languages kept on the message. Its
 * audience is marked {@code ticket-acknowledgement}, so it never appears among the post's public alerts.
 */
@Component
class Acknowledgements {
    /** The {@code kind} written in the message's audience JSON. */
    static final String AUDIENCE_KIND = "ticket-acknowledgement";

    private final Outbox outbox;

    Acknowledgements(Outbox outbox) {
        this.outbox = outbox;
    }

    long queue(Post post, String reference, Language language, String email, OffsetDateTime receivedAt, String actor) {
        Map<Language, MessageText> texts = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            texts.put(l, RequesterTexts.acknowledgement(l, post, reference, receivedAt));
        }
        OutgoingMessage message = new OutgoingMessage(
                post.id(),
                Classification.UNCLASSIFIED,
                texts,
                Set.of(Channel.EMAIL),
                "{\"kind\":\"" + AUDIENCE_KIND + "\",\"ticket\":\"" + reference + "\"}",
                "Acknowledgement of request " + reference,
                true,
                false,
                actor);
        return outbox.enqueue(message, List.of(new Recipient(null, Channel.EMAIL, email, language)));
    }
}
