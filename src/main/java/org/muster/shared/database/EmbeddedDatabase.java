package org.muster.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server run from the zonky binaries shipped in the jar, with its cluster in
 * {@code <data-dir>/postgres}. One Muster process owns a data directory at a time: it holds an
 * exclusive file lock on {@code <data-dir>/muster.lock} for as long as it runs. A server left behind
 * by a process that was killed is stopped before a new one starts, since the lock proves nobody owns
 * it. With no data directory the cluster lives in a temporary directory removed on close (tests).
 */
public final class EmbeddedDatabase implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final Path dataDirectory;
    private final boolean temporary;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private EmbeddedDatabase(Path dataDirectory, boolean temporary) throws IOException {
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        Files.createDirectories(dataDirectory);
        this.lockChannel = FileChannel.open(
                dataDirectory.resolve("muster.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = tryLock(lockChannel, dataDirectory);
        try {
            Path cluster = dataDirectory.resolve("postgres");
            stopOrphanedServer(cluster);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB");
            if (!temporary) {
                // zonky starts the server for throw-away test databases: fsync and synchronous
                // commit off. A data directory that must survive a crash needs both on.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            this.postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
        log.info("Embedded PostgreSQL serving {} on port {}", dataDirectory.toAbsolutePath(), postgres.getPort());
    }

    /** Starts the server on a persistent data directory, or a temporary one when {@code dir} is empty. */
    public static EmbeddedDatabase start(Optional<Path> dir) {
        try {
            if (dir.isPresent()) {
                return new EmbeddedDatabase(dir.get(), false);
            }
            return new EmbeddedDatabase(Files.createTempDirectory("muster-pg-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * The JDBC URL of the embedded server already serving {@code dir} for a running Muster, if there
     * is one; a command-line tool uses it instead of starting a second server on the same files.
     */
    public static Optional<String> runningServerUrl(Path dir) {
        Path pid = dir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pid)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pid);
            if (lines.size() < 4 || !isAlive(lines.get(0))) {
                return Optional.empty();
            }
            return Optional.of(jdbcUrl(Integer.parseInt(lines.get(3).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + USER + "&reWriteBatchedInserts=true";
    }

    public String jdbcUrl() {
        return jdbcUrl(postgres.getPort());
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
            if (temporary) {
                deleteRecursively(dataDirectory);
            }
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dataDirectory) throws IOException {
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            channel.close();
            throw new DataDirectoryInUseException(dataDirectory);
        }
        return acquired;
    }

    private static void stopOrphanedServer(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(lines.get(0).trim())).ifPresent(server -> {
            log.warn("Stopping PostgreSQL server {} left behind by a Muster that did not shut down", server.pid());
            server.destroy();
            try {
                server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                server.destroyForcibly();
            }
        });
    }

    private static boolean isAlive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid.trim()))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
