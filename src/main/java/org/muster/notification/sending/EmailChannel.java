package org.muster.notification.sending;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.notification.Channel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP ({@code spring.mail.*}): plain UTF-8 text from {@code muster.notification.mail-from},
 * one SMTP connection per batch. The Message-ID is {@code <delivery-id@muster>}, so a copy sent again
 * after a crash can be recognised and folded by the recipient's mail system. A refused address fails
 * its delivery alone: an address the server rejects for good (5xx) or that is malformed fails
 * permanently, anything else (connection lost, 4xx) is retried.
 */
@Component
class EmailChannel implements DeliveryChannel {
    private static final Pattern REPLY_CODE = Pattern.compile("([45])\\d\\d\\b");
    private final JavaMailSender mail;
    private final Clock clock;
    private final InternetAddress from;

    EmailChannel(
            JavaMailSender mail, Clock clock, @Value("${muster.notification.mail-from:muster@localhost}") String from) {
        this.mail = mail;
        this.clock = clock;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("muster.notification.mail-from is not an address: " + from, e);
        }
    }

    @Override
    public Channel kind() {
        return Channel.EMAIL;
    }

    @Override
    public List<SendResult> send(List<OutgoingDelivery> batch) {
        List<SendResult> results = new ArrayList<>(batch.size());
        Map<MimeMessage, OutgoingDelivery> byMessage = new IdentityHashMap<>();
        List<MimeMessage> messages = new ArrayList<>(batch.size());
        Session session = mail.createMimeMessage().getSession();
        for (OutgoingDelivery d : batch) {
            try {
                MimeMessage m = message(session, d);
                byMessage.put(m, d);
                messages.add(m);
            } catch (AddressException e) {
                results.add(SendResult.failed(d.id(), "not an e-mail address: " + d.address()));
            } catch (MessagingException e) {
                results.add(SendResult.failed(d.id(), "could not build the e-mail: " + e.getMessage()));
            }
        }
        if (messages.isEmpty()) {
            return results;
        }
        Map<Object, Exception> failed = Map.of();
        try {
            mail.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failed = e.getFailedMessages();
            if (failed.isEmpty()) {
                failed = allFailed(messages, e);
            }
        } catch (MailException e) {
            failed = allFailed(messages, e);
        }
        for (MimeMessage m : messages) {
            OutgoingDelivery d = byMessage.get(m);
            Exception e = failed.get(m);
            results.add(e == null ? SendResult.sent(d.id()) : failure(d, e));
        }
        return results;
    }

    /** The e-mail of a delivery: its own Message-ID, kept by Jakarta Mail when it saves the message. */
    MimeMessage message(Session session, OutgoingDelivery d) throws MessagingException {
        MimeMessage m = new FixedIdMessage(session, "<" + d.id() + "@muster>");
        m.setFrom(from);
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(d.address(), true));
        m.setSubject(d.subject(), "UTF-8");
        m.setText(d.text(), "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        m.setHeader("Content-Language", d.language().tag());
        m.setHeader("Auto-Submitted", "auto-generated");
        return m;
    }

    private static Map<Object, Exception> allFailed(List<MimeMessage> messages, Exception e) {
        Map<Object, Exception> all = new IdentityHashMap<>();
        messages.forEach(m -> all.put(m, e));
        return all;
    }

    /** Permanent when the server refused the address for good (5xx) or the address is malformed. */
    static SendResult failure(OutgoingDelivery d, Exception e) {
        String reason = reason(e);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // The SMTP provider's per-address exception is a SendFailedException whose message is the
            // server's reply, starting with its code.
            if (t instanceof SendFailedException && t.getMessage() != null) {
                Matcher code = REPLY_CODE.matcher(t.getMessage().strip());
                if (code.lookingAt()) {
                    return code.group(1).equals("5")
                            ? SendResult.failed(d.id(), "refused by the mail server: " + reason)
                            : SendResult.retry(d.id(), "deferred by the mail server: " + reason);
                }
            }
            if (t instanceof AddressException) {
                return SendResult.failed(d.id(), "not an e-mail address: " + reason);
            }
        }
        if (e instanceof SendFailedException s
                && s.getInvalidAddresses() != null
                && s.getInvalidAddresses().length > 0) {
            return SendResult.failed(d.id(), "refused by the mail server: " + reason);
        }
        return SendResult.retry(d.id(), "mail server: " + reason);
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }

    /** A message whose Message-ID is set by us: Jakarta Mail would otherwise replace it on saving. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
