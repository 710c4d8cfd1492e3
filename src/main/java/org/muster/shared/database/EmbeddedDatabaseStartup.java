package org.muster.shared.database;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded server, started on a background thread as soon as the configuration is known, so
 * that PostgreSQL's start overlaps with building the application context. A command-line run uses
 * the server of a Muster already running on the same directory instead of starting its own.
 */
final class EmbeddedDatabaseStartup implements DisposableBean {
    private final CompletableFuture<EmbeddedDatabase> database;
    private final String attachedUrl;

    private EmbeddedDatabaseStartup(CompletableFuture<EmbeddedDatabase> database, String attachedUrl) {
        this.database = database;
        this.attachedUrl = attachedUrl;
    }

    static EmbeddedDatabaseStartup begin(Optional<Path> dir, boolean commandLine) {
        if (commandLine && dir.isPresent()) {
            Optional<String> running = EmbeddedDatabase.runningServerUrl(dir.get());
            if (running.isPresent()) {
                return new EmbeddedDatabaseStartup(null, running.get());
            }
        }
        return new EmbeddedDatabaseStartup(CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(dir)), null);
    }

    /** Waits for the server and returns its JDBC URL; rethrows what stopped it from starting. */
    String jdbcUrl() {
        if (attachedUrl != null) {
            return attachedUrl;
        }
        try {
            return database.join().jdbcUrl();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void destroy() throws Exception {
        if (database != null && !database.isCompletedExceptionally()) {
            database.join().close();
        }
    }
}
