package org.muster.notification.alerts;

import java.time.OffsetDateTime;
import java.util.Map;
import org.muster.notification.Language;
import org.muster.notification.MessageText;
import org.muster.posts.Post;

/** A message to the public as it is published: its post, when it was sent, its texts by language, its CAP attributes. */
record PublicAlert(
        long messageId,
        Post post,
        OffsetDateTime sentAt,
        boolean threat,
        Map<Language, MessageText> texts,
        CapAttributes attributes) {

    /** {@code muster-KBL-42}: unique per message and installation, never reused. */
    String identifier() {
        return "muster-" + post.code() + "-" + messageId;
    }

    /** The body as published: without the {@code {link}} placeholder of personal response links. */
    static String publicBody(String body) {
        return body.replace("{link}", "")
                .replaceAll("[ \\t]+\n", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }
}
