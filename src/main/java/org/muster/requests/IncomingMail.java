package org.muster.requests;

import java.time.OffsetDateTime;

/**
 * A mail read from the requests mailbox: its Message-ID (the key that makes reading it twice
 * harmless), sender, subject, plain text and when the mail server received it.
 */
record IncomingMail(
        String messageId,
        String fromName,
        String fromAddress,
        String subject,
        String text,
        OffsetDateTime receivedAt) {}
