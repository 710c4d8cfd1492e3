package org.muster.notification;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A message template: its name, its texts by language (English always), and whether it is shared by
 * every post ({@code postId} null) or the post's own. A post's own template of the same name as a
 * shared one is used instead of it at that post.
 */
public record MessageTemplate(
        Long postId, String name, Map<Language, MessageText> texts, String updatedBy, OffsetDateTime updatedAt) {
    public MessageTemplate {
        texts = Map.copyOf(texts);
    }

    public boolean shared() {
        return postId == null;
    }

    public MessageText text(Language language) {
        return texts.get(language);
    }
}
