package org.muster.requests;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.muster.notification.Language;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns requests from the public into tickets: from the intake form (no login; audited as
 * “public form”) and from the mailbox (audited as “mailbox”). Each new ticket is acknowledged in the
 * same transaction when it has an e-mail address. Thread-safe.
 */
@Service
public class Intake {
    static final String FORM_ACTOR = "public form";
    static final String MAILBOX_ACTOR = "mailbox";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{6,40}");

    private final Posts posts;
    private final TicketWriter writer;
    private final Clock clock;

    Intake(Posts posts, TicketWriter writer, Clock clock) {
        this.posts = posts;
        this.writer = writer;
        this.clock = clock;
    }

    /** The post a public form belongs to, by code, without a reader; 404 for an unknown code. */
    public Post post(String code) {
        return posts.findByCode(code).orElseThrow(() -> new NotFoundException("No post with code " + code));
    }

    /**
     * Records a request sent with the intake form of the post {@code postCode}. Every field is
     * checked first; a bad one raises {@link InvalidInputException} naming it and nothing is written.
     */
    @Transactional
    public Receipt submit(String postCode, NewRequest form) {
        Post post = post(postCode);
        TicketWriter.Request request = check(form);
        return writer.write(post, request, TicketChannel.FORM, null, OffsetDateTime.now(clock), FORM_ACTOR)
                .orElseThrow();
    }

    /**
     * Records a mail in a transaction of its own (committed before the mailbox flags the mail as
     * seen); empty when that mail (by Message-ID) is a ticket already.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<Receipt> receive(Post post, IncomingMail mail) {
        String address = mail.fromAddress() == null ? null : mail.fromAddress().strip();
        String email = address != null && EMAIL.matcher(address).matches() && address.length() <= 320 ? address : null;
        String name = clip(blankTo(mail.fromName(), address == null ? "(unknown sender)" : address), 200);
        String text = clip(blankTo(mail.text(), "(the mail had no text)"), 20_000);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime received = mail.receivedAt() == null || mail.receivedAt().isAfter(now) ? now : mail.receivedAt();
        var request = new TicketWriter.Request(
                name,
                email,
                null,
                MailLanguage.of(mail.subject() + "\n" + text),
                Queue.OTHER,
                clip(blankTo(mail.subject(), "(no subject)"), 200),
                text);
        return writer.write(post, request, TicketChannel.MAILBOX, mail.messageId(), received, MAILBOX_ACTOR);
    }

    static TicketWriter.Request check(NewRequest form) {
        Language language = form.language() == null || form.language().isBlank()
                ? Language.ENGLISH
                : Language.parse("language", form.language());
        String name = required("name", form.name(), 200);
        String email = optional(form.email());
        String phone = optional(form.phone());
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            throw new InvalidInputException("email", "is not an e-mail address such as name@example.org");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidInputException(
                    "phone", "use digits, spaces and an optional leading + (6 to 40 characters)");
        }
        if (email == null && phone == null) {
            throw new InvalidInputException(
                    "email", "give an e-mail address or a phone number so that the post can reply");
        }
        Queue queue = Queue.parse("queue", form.queue());
        String subject = required("subject", form.subject(), 200);
        String body = required("body", form.body(), 20_000);
        return new TicketWriter.Request(name, email, phone, language, queue, subject, body);
    }

    private static String required(String field, String value, int max) {
        String v = optional(value);
        if (v == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "is too long (at most " + max + " characters)");
        }
        return v;
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
