package org.muster.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The connection pool: to the embedded server when {@link EmbeddedDatabaseInitializer} started one
 * (it decides, from {@code spring.datasource.url}), otherwise to {@code spring.datasource.url}.
 * Decided when the application starts, not when it is built, so that one build (with its
 * ahead-of-time processed context) serves both.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(Environment env, ObjectProvider<EmbeddedDatabaseStartup> embedded) {
        HikariDataSource dataSource = new HikariDataSource();
        EmbeddedDatabaseStartup startup = embedded.getIfAvailable();
        if (startup != null) {
            dataSource.setJdbcUrl(startup.jdbcUrl());
        } else {
            dataSource.setJdbcUrl(env.getProperty("spring.datasource.url"));
            dataSource.setUsername(env.getProperty("spring.datasource.username"));
            dataSource.setPassword(env.getProperty("spring.datasource.password"));
        }
        dataSource.setPoolName("muster");
        return dataSource;
    }
}
