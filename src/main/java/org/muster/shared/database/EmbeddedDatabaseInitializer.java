package org.muster.shared.database;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With no {@code spring.datasource.url}, begins starting the embedded PostgreSQL in
 * {@code muster.data-dir} ({@code ./muster-data} by default; empty means a temporary directory) as
 * soon as the configuration is complete (environment prepared), and hands it to the application
 * context as the bean {@value #BEAN} before any bean is created. Registered in
 * {@code META-INF/spring.factories} both as a listener and as an initializer; the two instances meet
 * through the environment they share.
 */
public class EmbeddedDatabaseInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext>,
                ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    static final String BEAN = "embeddedDatabaseStartup";
    private static final Map<ConfigurableEnvironment, EmbeddedDatabaseStartup> started =
            Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (wanted(env)) {
            started.put(env, begin(env));
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!wanted(env) || context.getBeanFactory().containsSingleton(BEAN)) {
            return;
        }
        EmbeddedDatabaseStartup startup = started.remove(env);
        if (startup == null) {
            startup = begin(env);
        }
        context.getBeanFactory().registerSingleton(BEAN, startup);
        ((org.springframework.beans.factory.support.DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean(BEAN, startup);
    }

    private static boolean wanted(ConfigurableEnvironment env) {
        // Build-time processing creates bean definitions only and needs no database.
        return !Boolean.getBoolean("spring.aot.processing")
                && env.getProperty("spring.datasource.url", "").isBlank();
    }

    private static EmbeddedDatabaseStartup begin(ConfigurableEnvironment env) {
        String dataDir = env.getProperty("muster.data-dir", "./muster-data");
        Optional<Path> dir = dataDir.isBlank() ? Optional.empty() : Optional.of(Path.of(dataDir));
        return EmbeddedDatabaseStartup.begin(dir, env.getProperty("muster.cli", Boolean.class, false));
    }
}
