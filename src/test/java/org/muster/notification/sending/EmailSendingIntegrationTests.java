package org.muster.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.muster.notification.Channel;
import org.muster.notification.DeliveryStatus;
import org.muster.notification.Language;
import org.muster.notification.Recipient;
import org.muster.notification.ResponseLinks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** E-mail through SMTP to GreenMail: content, Message-ID, the personal link, bad addresses. */
@SendingIntegrationTest
class EmailSendingIntegrationTests {
    @Autowired
    org.muster.TestData data;

    @Autowired
    Queued queued;

    @Autowired
    Sender sender;

    @Autowired
    ResponseLinks links;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEmailCarriesTheTextInTheRecipientsLanguageItsDeliveryIdAsMessageIdAndAVerifiableLink() throws Exception {
        String tag = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        long post = data.post().id();
        long message = queued.message(
                post,
                Set.of(Channel.EMAIL),
                List.of(
                        new Recipient(queued.person(post), Channel.EMAIL, tag + "-dari@example.org", Language.DARI),
                        new Recipient(queued.person(post), Channel.EMAIL, tag + "-pashto@example.org", Language.PASHTO),
                        new Recipient(null, Channel.EMAIL, tag + "-outside@example.org", Language.ENGLISH),
                        new Recipient(queued.person(post), Channel.EMAIL, "not an address " + tag, Language.ENGLISH)));

        Drain.email(sender, queued, message);

        Map<String, Queued.Row> rows =
                queued.deliveries(message).stream().collect(Collectors.toMap(Queued.Row::address, Function.identity()));
        Map<String, MimeMessage> received = received(tag);
        assertThat(received)
                .containsOnlyKeys(tag + "-dari@example.org", tag + "-pashto@example.org", tag + "-outside@example.org");
        // an address outside the register (a request's acknowledgement) has nobody to answer for: no link
        assertThat(((String) received.get(tag + "-outside@example.org").getContent()).strip())
                .isEqualTo("Stay indoors. Answer here:");

        MimeMessage dari = received.get(tag + "-dari@example.org");
        Queued.Row dariRow = rows.get(tag + "-dari@example.org");
        assertThat(dari.getSubject()).isEqualTo("در جای امن بمانید");
        assertThat(dari.getHeader("Message-ID")).containsExactly("<" + dariRow.id() + "@muster>");
        assertThat(dari.getFrom()[0].toString()).contains("muster@post.example");
        String body = ((String) dari.getContent()).strip();
        assertThat(body)
                .startsWith("در خانه بمانید. پاسخ دهید: https://muster.example/r/")
                .endsWith(" با تشکر");
        String token = body.substring(body.indexOf("/r/") + 3, body.indexOf(" با تشکر"));
        ResponseLinks.Claim claim = links.verify(token).orElseThrow();
        assertThat(claim.deliveryId()).isEqualTo(dariRow.id());
        assertThat(claim.expired()).isFalse();
        assertThat(claim.expiresAt()).isAfter(java.time.Instant.now().plus(Duration.ofDays(13)));

        // Pashto has no text in the message: the English one, with the link in its place.
        MimeMessage pashto = received.get(tag + "-pashto@example.org");
        assertThat(pashto.getSubject()).isEqualTo("Shelter in place");
        assertThat(((String) pashto.getContent()).strip())
                .startsWith("Stay indoors. Answer here: https://muster.example/r/");

        assertThat(dariRow.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(rows.get(tag + "-pashto@example.org").status()).isEqualTo(DeliveryStatus.SENT);
        Queued.Row bad = rows.get("not an address " + tag);
        assertThat(bad.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(bad.failure()).startsWith("not an e-mail address");
        assertThat(jdbc.sql("select count(*) from delivery where message_id = ? and sent_at is not null")
                        .param(message)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aResentDeliveryCarriesTheSameMessageIdAndLink() throws Exception {
        String tag = "again-" + UUID.randomUUID().toString().substring(0, 8);
        long post = data.post().id();
        long message = queued.message(
                post,
                Set.of(Channel.EMAIL),
                List.of(new Recipient(queued.person(post), Channel.EMAIL, tag + "-0@example.org", Language.ENGLISH)));
        Drain.email(sender, queued, message);
        UUID id = queued.deliveries(message).get(0).id();
        // As after a crash mid-send: the delivery is queued again and sent a second time.
        jdbc.sql("update delivery set status = 'QUEUED', resent_in_flight = 1 where id = ?")
                .param(id)
                .update();
        Drain.email(sender, queued, message);

        MimeMessage[] copies = Arrays.stream(TestServers.mail.getReceivedMessages())
                .filter(m -> to(m).startsWith(tag))
                .toArray(MimeMessage[]::new);
        assertThat(copies).hasSize(2);
        assertThat(copies[0].getMessageID()).isEqualTo(copies[1].getMessageID()).isEqualTo("<" + id + "@muster>");
        assertThat(copies[0].getContent()).isEqualTo(copies[1].getContent());
        assertThat((String) copies[0].getContent()).contains("https://muster.example/r/");
    }

    static Map<String, MimeMessage> received(String tag) {
        return Arrays.stream(TestServers.mail.getReceivedMessages())
                .filter(m -> to(m).startsWith(tag))
                .collect(Collectors.toMap(EmailSendingIntegrationTests::to, Function.identity()));
    }

    static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
