package org.muster.requests;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Properties;
import org.muster.posts.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the unseen mails of the requests mailbox into tickets. Each mail's ticket commits in its own
 * transaction and only then is the mail flagged as seen; the ticket is keyed by the mail's
 * Message-ID, so a crash between the commit and the flag makes no second ticket when the mail is
 * read again. Mails are fetched with IMAP's peek, so reading one does not flag it. A mail that
 * cannot be read stays unseen and is tried again at the next poll.
 */
@Component
class MailboxIntake {
    private static final Logger log = LoggerFactory.getLogger(MailboxIntake.class);

    private final Intake intake;

    MailboxIntake(Intake intake) {
        this.intake = intake;
    }

    /** Reads the mailbox once; returns what it did, for the job's record. */
    String poll(MailboxSettings settings) {
        Post post = intake.post(settings.post());
        Properties properties = new Properties();
        String p = settings.protocol();
        properties.put("mail." + p + ".peek", "true");
        properties.put("mail." + p + ".connectiontimeout", "10000");
        properties.put("mail." + p + ".timeout", "30000");
        int created = 0;
        int known = 0;
        int failed = 0;
        try (Store store = Session.getInstance(properties).getStore(p)) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message m : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    try {
                        if (intake.receive(post, read(m)).isPresent()) {
                            created++;
                        } else {
                            known++;
                        }
                        m.setFlag(Flags.Flag.SEEN, true);
                    } catch (MessagingException | IOException | RuntimeException e) {
                        failed++;
                        log.warn("Requests mailbox: a mail could not be read into a ticket; it stays unseen", e);
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn(
                    "Requests mailbox {}@{} could not be read: {}",
                    settings.username(),
                    settings.host(),
                    e.getMessage());
            return "mailbox unreachable: " + e.getMessage();
        }
        return created + " new tickets, " + known + " mails already tickets, " + failed + " failed";
    }

    static IncomingMail read(Message m) throws MessagingException, IOException {
        String name = null;
        String address = null;
        if (m.getFrom() != null && m.getFrom().length > 0 && m.getFrom()[0] instanceof InternetAddress from) {
            name = from.getPersonal();
            address = from.getAddress();
        }
        String subject = m.getSubject();
        String text = text(m);
        var when = m.getReceivedDate() != null ? m.getReceivedDate() : m.getSentDate();
        OffsetDateTime receivedAt = when == null ? null : when.toInstant().atOffset(ZoneOffset.UTC);
        String[] ids = m.getHeader("Message-ID");
        String messageId = ids != null && ids.length > 0 && !ids[0].isBlank()
                ? ids[0].strip()
                : "<" + digest(address + "\n" + when + "\n" + subject + "\n" + text) + "@muster.invalid>";
        return new IncomingMail(messageId, name, address, subject, text, receivedAt);
    }

    /** The first text/plain part, else the first text/html part with its tags removed. */
    private static String text(Part part) throws MessagingException, IOException {
        String plain = find(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = find(part, "text/html");
        return html == null
                ? null
                : html.replaceAll("(?s)<[^>]*>", " ").replaceAll("[ \\t]+", " ").strip();
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
