package org.muster.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.muster.notification.Channel;
import org.muster.notification.Language;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The channels' pure parts: which e-mail a failure belongs to, SMS bodies, back-off. */
class ChannelTests {
    private static final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aRefusedAddressFailsOnlyItsOwnDeliveryAndATemporaryRefusalIsRetried() {
        OutgoingDelivery good = email("good@example.org");
        OutgoingDelivery refused = email("nobody@example.org");
        OutgoingDelivery deferred = email("busy@example.org");
        JavaMailSenderImpl smtp = new JavaMailSenderImpl() {
            @Override
            public void send(MimeMessage... messages) {
                Map<Object, Exception> failed = new HashMap<>();
                for (MimeMessage m : messages) {
                    String to = EmailSendingIntegrationTests.to(m);
                    if (to.startsWith("nobody")) {
                        failed.put(
                                m,
                                new SendFailedException(
                                        "Invalid Addresses",
                                        new SendFailedException(
                                                "550 5.1.1 <nobody@example.org>: Recipient address rejected")));
                    } else if (to.startsWith("busy")) {
                        failed.put(m, new SendFailedException("451 4.7.1 Try again later"));
                    }
                }
                throw new MailSendException(failed);
            }
        };
        EmailChannel channel = new EmailChannel(smtp, clock, "muster@post.example");

        Map<UUID, SendResult> results = new HashMap<>();
        channel.send(List.of(good, refused, deferred)).forEach(r -> results.put(r.deliveryId(), r));

        assertThat(results.get(good.id()).outcome()).isEqualTo(SendResult.Outcome.SENT);
        assertThat(results.get(refused.id()).outcome()).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(results.get(refused.id()).reason()).contains("550 5.1.1");
        assertThat(results.get(deferred.id()).outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(results.get(deferred.id()).reason()).contains("451");
    }

    @Test
    void anUnreachableMailServerRetriesTheWholeBatch() {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(1); // nothing listens there
        EmailChannel channel = new EmailChannel(smtp, clock, "muster@post.example");

        List<SendResult> results = channel.send(List.of(email("a@example.org"), email("b@example.org")));

        assertThat(results).extracting(SendResult::outcome).containsOnly(SendResult.Outcome.RETRY);
    }

    @Test
    void anEmailKeepsItsOwnMessageIdWhenSaved() throws Exception {
        OutgoingDelivery d = email("a@example.org");
        EmailChannel channel = new EmailChannel(new JavaMailSenderImpl(), clock, "Muster <muster@post.example>");
        MimeMessage m = channel.message(new JavaMailSenderImpl().getSession(), d);

        m.saveChanges();

        assertThat(m.getMessageID()).isEqualTo("<" + d.id() + "@muster>");
        assertThat(m.getFrom()).containsExactly(new InternetAddress("Muster <muster@post.example>"));
        assertThat(m.getHeader("Content-Language")).containsExactly("fa-AF");
    }

    @Test
    void anSmsBodyEscapesTheTextForJsonOrForAForm() {
        OutgoingDelivery d = new OutgoingDelivery(
                UUID.randomUUID(),
                1,
                1,
                null,
                Channel.SMS,
                "+93700000001",
                Language.DARI,
                1,
                "هشدار",
                "Say \"safe\" \\ {to}\nhttps://m/r/x",
                "https://m/r/x");
        SmsChannel json = new SmsChannel("http://127.0.0.1:9/", "", "application/json", "", Duration.ofSeconds(1));
        SmsChannel form = new SmsChannel(
                "http://127.0.0.1:9/",
                "to={to}&msg={text}&ref={reference}",
                "application/x-www-form-urlencoded",
                "",
                Duration.ofSeconds(1));

        assertThat(json.body(d))
                .isEqualTo("{\"to\":\"+93700000001\",\"text\":\"هشدار\\nSay \\\"safe\\\" \\\\ {to}\\nhttps://m/r/x\","
                        + "\"reference\":\"" + d.id() + "\"}");
        assertThat(form.body(d)).startsWith("to=%2B93700000001&msg=%D9%87").endsWith("&ref=" + d.id());
    }

    @Test
    void withoutAGatewayEverySmsFailsWithTheReason() {
        SmsChannel off = new SmsChannel("", "", "application/json", "", Duration.ofSeconds(1));
        OutgoingDelivery d = new OutgoingDelivery(
                UUID.randomUUID(), 1, 1, null, Channel.SMS, "+93700000001", Language.DARI, 1, "s", "t", "l");

        assertThat(off.send(List.of(d))).containsExactly(SendResult.failed(d.id(), SmsChannel.NOT_CONFIGURED));
    }

    @Test
    void theBackOffDoublesFromItsBaseUpToItsCapWithJitterOfHalfToWhole() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

        assertThat(backoff.delay(1, 0.0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(backoff.delay(1, 0.999)).isBetween(Duration.ofMillis(29_900), Duration.ofSeconds(30));
        assertThat(backoff.delay(3, 0.0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(20, 0.0)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.delay(1_000, 0.999)).isLessThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theLinkGoesWhereTheBodySaysOrAfterIt() {
        assertThat(DeliveryTexts.withLink("Answer: {link} now", "https://m/r/t"))
                .isEqualTo("Answer: https://m/r/t now");
        assertThat(DeliveryTexts.withLink("Stay indoors.", "https://m/r/t"))
                .isEqualTo("Stay indoors.\n\nhttps://m/r/t");
        assertThat(DeliveryTexts.withLink("Received. {link}", null)).isEqualTo("Received.");
    }

    private static OutgoingDelivery email(String address) {
        return new OutgoingDelivery(
                UUID.randomUUID(),
                1,
                1,
                null,
                Channel.EMAIL,
                address,
                Language.DARI,
                1,
                "هشدار",
                "متن",
                "https://m/r/x");
    }
}
