package org.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.MusterApplication;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.decisionpoints.DecisionPoints;
import org.muster.decisionpoints.Observations;
import org.muster.decisionpoints.TimelineMapping;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code muster.jar replay}: the Kabul 2021 timeline against two decision points, changing nothing. */
@MusterIntegrationTest
class ReplayCommandIntegrationTests {
    @Autowired
    HikariDataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestData data;

    @Autowired
    DecisionPoints decisionPoints;

    @Autowired
    Observations observations;

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {}

    @Test
    void theKabulReplayPrintsHalfTheCapitalsOnThe13thAndMazarOnThe14thAndChangesNothing() throws IOException {
        Post post = data.post();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        Path points = copy("kabul-decision-points.json");
        Path timeline = copy("provincial-capitals.csv");
        byte[] pointsJson = Files.readAllBytes(points);
        byte[] timelineCsv = Files.readAllBytes(timeline);
        data.as(rso, () -> decisionPoints.importJson(post.id(), pointsJson));
        data.as(rso, () -> observations.importTimeline(post.id(), timelineCsv, TimelineMapping.DEFAULT));
        String before = state(post);

        Result result = run(
                "replay",
                "--post",
                post.code(),
                "--decision-points",
                points.toString(),
                "--timeline",
                timeline.toString(),
                "--map",
                "subject=capital,date=reported_date");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().filter(l -> l.matches("\\d{4}-.*")))
                .containsExactly(
                        "2021-08-13 00:00  half-capitals  Half of 34 provincial capitals fallen: 17 of 34"
                                + " (Pul-e-Alam fell, row 18)  decide by 2021-08-15 00:00",
                        "2021-08-14 00:00  mazar-fallen  Mazar-i-Sharif fallen: reported"
                                + " (Mazar-i-Sharif fell, row 23)  decide by 2021-08-15 00:00");
        assertThat(result.out())
                .contains("27 rows: 27 read, 0 refused, 0 empty.")
                .contains("2 crossings.");
        assertThat(result.err()).containsPattern("replayed 27 observations against 2 decision points in \\d+\\.\\d ms");
        assertThat(state(post)).isEqualTo(before);
    }

    @Test
    void badArgumentsExitWith2AndAFileRefusedAsAWholeWith1() throws IOException {
        Post post = data.post();
        Path points = copy("kabul-decision-points.json");
        Path timeline = copy("provincial-capitals.csv");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"decisionPoints\": [{\"key\": \"x\"}]}");
        Path noEvents = Files.writeString(dir.resolve("no-events.csv"), "date,subject,source\n2021-08-13,Herat,VOA\n");

        Result missing = run("replay", "--post", post.code(), "--decision-points", points.toString());
        Result unknownPost = run(
                "replay", "--post", "NOPE", "--decision-points", points.toString(), "--timeline", timeline.toString());
        Result badMap = run(
                "replay",
                "--post",
                post.code(),
                "--decision-points",
                points.toString(),
                "--timeline",
                timeline.toString(),
                "--map",
                "place=capital");
        Result badPoints = run(
                "replay",
                "--post",
                post.code(),
                "--decision-points",
                broken.toString(),
                "--timeline",
                timeline.toString());
        Result badTimeline = run(
                "replay",
                "--post",
                post.code(),
                "--decision-points",
                points.toString(),
                "--timeline",
                noEvents.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--timeline");
        assertThat(unknownPost.exitCode()).isEqualTo(2);
        assertThat(badMap.exitCode()).isEqualTo(2);
        assertThat(badMap.err()).contains("mapping");
        assertThat(badPoints.exitCode()).isEqualTo(1);
        assertThat(badPoints.err()).contains("decisionPoints[x].indicator");
        assertThat(badTimeline.exitCode()).isEqualTo(1);
        assertThat(badTimeline.err()).contains("no column for event");
    }

    String state(Post post) {
        return jdbc.sql("select (select count(*) from observation where post_id = ?) || '/' ||"
                        + " (select string_agg(id || status || coalesce(decided_at::text, ''), ',' order by id)"
                        + " from decision_point_crossing where post_id = ?) || '/' ||"
                        + " (select count(*) from decision_point_set where post_id = ?)")
                .params(post.id(), post.id(), post.id())
                .query(String.class)
                .single();
    }

    Path copy(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/decisionpoints/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=" + dataSource.getJdbcUrl());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MusterCommandLine.run(
                MusterApplication.class,
                all.toArray(String[]::new),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
