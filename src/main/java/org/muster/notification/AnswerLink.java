package org.muster.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.muster.shared.Classification;

/**
 * What a personal response link opens: the page to answer on ({@link Open}), a link that has expired
 * ({@link Expired}, with the language and post to say so in), or nothing ({@link Invalid}: malformed,
 * tampered with, or naming no delivery; nothing more is said about why). None of these is content a
 * staff member reads: they are shown only to the holder of the link.
 */
public sealed interface AnswerLink {

    /**
     * The page of one delivery. {@code firstName} is null for a delivery to an address outside the
     * register ({@code answerable} false: the message is shown, answers are refused). {@code subject}
     * and {@code body} are null when the message is marked above unclassified ({@code marking}): such
     * content is never shown on a page without sign-in. {@code current} is the person's latest answer
     * to this message, or null.
     */
    record Open(
            UUID deliveryId,
            Language language,
            String postName,
            ZoneId timeZone,
            boolean answerable,
            String firstName,
            Classification marking,
            String subject,
            String body,
            Instant expiresAt,
            Current current,
            List<Notice> notices)
            implements AnswerLink {}

    /** The person's latest answer to the message and when they gave it. */
    record Current(Answer answer, OffsetDateTime answeredAt) {}

    /**
     * One in-app notice to the person from the post, in the language of its delivery; subject and body
     * are null when the notice is marked above unclassified.
     */
    record Notice(
            long messageId,
            OffsetDateTime sentAt,
            Language language,
            Classification marking,
            String subject,
            String body) {
        public boolean withheld() {
            return subject == null;
        }
    }

    /** A link whose time is over, with what is known to say so: the delivery's language and post. */
    record Expired(Language language, String postName) implements AnswerLink {}

    /** Not a link Muster issued (or for no delivery it has). */
    record Invalid() implements AnswerLink {}
}
