package org.muster.notification;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;

/**
 * A message as it is queued: its post, marking, texts by language (English required, the fallback
 * for anyone whose language has no text), channels, the audience as chosen (JSON) and its label,
 * whether it reaches private citizens or the public, whether it is about a threat, and who sent it.
 * Content marked above unclassified may go only to in-app notices.
 */
public record OutgoingMessage(
        long postId,
        Classification classification,
        Map<Language, MessageText> texts,
        Set<Channel> channels,
        String audienceJson,
        String audienceLabel,
        boolean toPublic,
        boolean threat,
        String createdBy) {
    public OutgoingMessage {
        Objects.requireNonNull(classification, "classification");
        if (texts == null || !texts.containsKey(Language.ENGLISH)) {
            throw new InvalidInputException("texts", "an English text is required (the fallback for every recipient)");
        }
        if (channels == null || channels.isEmpty()) {
            throw new InvalidInputException("channels", "choose at least one channel");
        }
        if (classification != Classification.UNCLASSIFIED && channels.stream().anyMatch(Channel::external)) {
            throw new InvalidInputException(
                    "channels",
                    "content marked " + classification.name()
                            + " may go only to in-app notices; e-mail and SMS carry unclassified content only");
        }
        texts = Map.copyOf(new EnumMap<>(texts));
        channels = Set.copyOf(channels);
        audienceJson = audienceJson == null ? "{}" : audienceJson;
        audienceLabel = audienceLabel == null || audienceLabel.isBlank() ? "(unnamed audience)" : audienceLabel;
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** The text a reader of {@code language} gets: theirs, or English when there is none. */
    public MessageText textFor(Language language) {
        return texts.getOrDefault(language, texts.get(Language.ENGLISH));
    }
}
