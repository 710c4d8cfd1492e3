package org.muster.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled work runs in the server, never in a command-line run. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "muster.cli", havingValue = "false", matchIfMissing = true)
class SchedulingConfiguration {}
