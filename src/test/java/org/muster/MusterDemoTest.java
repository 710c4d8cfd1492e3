package org.muster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A full Muster with the demo loaded ({@code muster.demo=true}) on its own embedded PostgreSQL, served on
 * a random port. Every test class with this annotation shares one application context, and so one demo.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "muster.data-dir=",
            "muster.demo=true",
            "muster.security.bcrypt-strength=4",
            "muster.audit.watch-initial-delay=PT1H",
            "spring.main.banner-mode=off"
        })
public @interface MusterDemoTest {}
