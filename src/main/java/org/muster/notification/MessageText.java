package org.muster.notification;

import org.muster.shared.InvalidInputException;

/**
 * A message's subject and body in one language. The body may hold {@code {link}} where the
 * recipient's personal response link goes; without it the link is added at the end.
 */
public record MessageText(String subject, String body) {
    public MessageText {
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw new InvalidInputException("subject", "a subject of 1 to 200 characters is required");
        }
        if (body == null || body.isBlank() || body.length() > 20_000) {
            throw new InvalidInputException("body", "a body of 1 to 20,000 characters is required");
        }
        subject = subject.strip();
        body = body.strip();
    }
}
