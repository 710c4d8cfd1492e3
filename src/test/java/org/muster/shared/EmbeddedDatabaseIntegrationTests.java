package org.muster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.muster.MusterApplication;
import org.muster.shared.database.DataDirectoryInUseException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Muster on its own PostgreSQL in a data directory: first start, restart, and a second instance. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseIntegrationTests {

    static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(MusterApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--muster.data-dir=" + dataDir,
                        "--muster.security.bcrypt-strength=4",
                        "--muster.audit.watch-initial-delay=PT1H",
                        "--spring.main.banner-mode=off");
    }

    @Test
    void firstStartCreatesOnlyAnAdministratorAndRestartKeepsTheData(@TempDir Path dir, CapturedOutput output) {
        Path dataDir = dir.resolve("muster-data");
        try (var first = start(dataDir)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select username from app_user")
                            .query(String.class)
                            .list())
                    .containsExactly("admin");
            assertThat(jdbc.sql("select must_change_password from app_user")
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertThat(jdbc.sql("select count(*) from post").query(Long.class).single())
                    .isZero();
            jdbc.sql("update app_user set display_name = 'Kept across restarts'")
                    .update();
        }
        assertThat(output.getOut()).containsOnlyOnce("one-time password");

        try (var second = start(dataDir)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select display_name from app_user")
                            .query(String.class)
                            .list())
                    .containsExactly("Kept across restarts");
        }
        assertThat(output.getOut()).containsOnlyOnce("one-time password");
    }

    @Test
    void aSecondInstanceOnTheSameDirectoryFailsWithAClearMessage(@TempDir Path dir) {
        Path dataDir = dir.resolve("muster-data");
        try (var running = start(dataDir)) {
            assertThatThrownBy(() -> start(dataDir))
                    .hasRootCauseInstanceOf(DataDirectoryInUseException.class)
                    .rootCause()
                    .hasMessageContaining("in use by another running Muster")
                    .hasMessageContaining(dataDir.toAbsolutePath().toString())
                    .hasMessageContaining("--muster.data-dir");
            assertThat(running.getBean(JdbcClient.class)
                            .sql("select 1")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void aServerLeftBehindByAKilledMusterIsStoppedAndTheDataKept(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("muster-data");
        try (var first = start(dataDir)) {
            first.getBean(JdbcClient.class)
                    .sql("update app_user set display_name = 'Before the crash'")
                    .update();
        }
        // A server still running on the files, as after kill -9 of the Java process that started it.
        var orphan = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
        long orphanPid = Long.parseLong(
                java.nio.file.Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                        .get(0)
                        .trim());
        ProcessHandle orphanProcess = ProcessHandle.of(orphanPid).orElseThrow();
        releaseFileLockAsIfTheProcessHadDied(orphan);
        assertThat(orphanProcess.isAlive()).isTrue();

        try (var restarted = start(dataDir)) {
            assertThat(restarted
                            .getBean(JdbcClient.class)
                            .sql("select display_name from app_user")
                            .query(String.class)
                            .single())
                    .isEqualTo("Before the crash");
            assertThat(orphanProcess.isAlive()).isFalse();
        }
    }

    /** The operating system drops a dead process's file locks; in this JVM the test does it by hand. */
    private static void releaseFileLockAsIfTheProcessHadDied(Object zonky) throws Exception {
        var lock = zonky.getClass().getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileLock) lock.get(zonky)).release();
        var stream = zonky.getClass().getDeclaredField("lockStream");
        stream.setAccessible(true);
        ((java.io.FileOutputStream) stream.get(zonky)).close();
    }
}
