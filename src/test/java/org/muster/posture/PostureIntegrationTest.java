package org.muster.posture;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.muster.MusterIntegrationTest;
import org.springframework.context.annotation.Import;

/**
 * {@link MusterIntegrationTest} with a {@link MovableClock}, so that tests can let 30 or 180 days
 * pass. The posture tests share this one context (and database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MusterIntegrationTest
@Import(MovableClock.Configuration.class)
public @interface PostureIntegrationTest {}
