package org.muster.notification.sending;

import java.util.UUID;
import org.muster.notification.Channel;
import org.muster.notification.Language;

/**
 * A claimed delivery, ready to send: the text is in the recipient's language (or English) with the
 * personal response link in place of {@code {link}}, or after the body when it has none (no link, null,
 * for a delivery without a person: nobody could answer through it). The id is
 * the Message-ID of an e-mail and the client reference of an SMS, so a second copy sent after a crash
 * carries the same one. {@code attempts} counts this one.
 */
public record OutgoingDelivery(
        UUID id,
        long messageId,
        long postId,
        Long personId,
        Channel channel,
        String address,
        Language language,
        int attempts,
        String subject,
        String text,
        String link) {}
