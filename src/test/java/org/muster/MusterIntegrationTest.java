package org.muster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A full Muster on a real, temporary, embedded PostgreSQL, served on a random port. Every test
 * class with this annotation shares one application context (and so one database): tests create
 * their own posts and accounts with unique names through {@link TestData}.
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
            "muster.notification.sending.enabled=false",
            "spring.main.banner-mode=off"
        })
@AutoConfigureTestRestTemplate
public @interface MusterIntegrationTest {}
