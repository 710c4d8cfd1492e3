package org.muster.notification.sending;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full Muster on its own temporary PostgreSQL, with SMTP pointed at the tests' GreenMail and the
 * SMS gateway at the tests' loopback HTTP server ({@link TestServers}). The sender threads do not
 * start by themselves: tests run single rounds ({@code Sender.sendOnce}) or start and stop the
 * threads. Retries come back within a second; SMS is limited to 40 a second.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "muster.data-dir=",
            "muster.demo=false",
            "muster.security.bcrypt-strength=4",
            "muster.audit.watch-initial-delay=PT1H",
            "spring.main.banner-mode=off",
            "muster.notification.sending.enabled=false",
            "muster.notification.retry-base=PT0.2S",
            "muster.notification.retry-cap=PT0.4S",
            "muster.notification.max-attempts=3",
            "muster.notification.poll-interval=PT0.05S",
            "muster.notification.sweep-interval=PT1S",
            "muster.notification.rate.sms=40",
            "muster.notification.mail-from=Muster <muster@post.example>",
            "muster.notification.public-url=https://muster.example/",
            "muster.notification.sms.receipt-token=loopback-receipt-token-of-the-sending-tests",
            "logging.level.com.icegreen=WARN"
        })
@ContextConfiguration(initializers = TestServers.class)
@interface SendingIntegrationTest {
    /** The secret in the SMS gateway's receipt address, as configured above. */
    String SMS_RECEIPT_TOKEN = "loopback-receipt-token-of-the-sending-tests";
}
