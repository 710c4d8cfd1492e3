package org.muster.notification;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.muster.shared.Classification;

/**
 * A message as the sender composes it: a template's name (optional: it fills the languages the
 * draft has no text for), texts by language, the marking, the channels, the audience, whether it is
 * about a threat, and optionally the open review task it answers (a public message that closes the
 * no-double-standard task). Nothing is checked here; {@link Messages} checks it all.
 */
public record Draft(
        String template,
        Map<Language, MessageText> texts,
        Classification classification,
        Set<Channel> channels,
        Audience audience,
        boolean threat,
        Long reviewTaskId) {

    public Draft {
        template = template == null || template.isBlank() ? null : template.strip();
        texts = texts == null ? Map.of() : Map.copyOf(texts.isEmpty() ? Map.of() : new EnumMap<>(texts));
        classification = classification == null ? Classification.UNCLASSIFIED : classification;
        channels = channels == null ? Set.of() : Set.copyOf(channels);
    }
}
