package org.muster.shared.database;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With no {@code spring.datasource.url}, begins starting the embedded PostgreSQL in
 * {@code muster.data-dir} ({@code ./muster-data} by default; empty means a temporary directory)
 * before any bean is created. Registered in {@code META-INF/spring.factories}.
 */
public class EmbeddedDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    static final String BEAN = "embeddedDatabaseStartup";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (Boolean.getBoolean("spring.aot.processing")) {
            return; // build-time processing: bean definitions only, no database
        }
        if (!env.getProperty("spring.datasource.url", "").isBlank()
                || context.getBeanFactory().containsSingleton(BEAN)) {
            return;
        }
        String dataDir = env.getProperty("muster.data-dir", "./muster-data");
        Optional<Path> dir = dataDir.isBlank() ? Optional.empty() : Optional.of(Path.of(dataDir));
        boolean commandLine = env.getProperty("muster.cli", Boolean.class, false);
        EmbeddedDatabaseStartup startup = EmbeddedDatabaseStartup.begin(dir, commandLine);
        context.getBeanFactory().registerSingleton(BEAN, startup);
        ((org.springframework.beans.factory.support.DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean(BEAN, startup);
    }
}
