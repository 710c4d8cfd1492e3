package org.muster.decisionpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.NewPost;
import org.muster.posts.Post;
import org.muster.posts.PostKind;
import org.muster.posts.Posts;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Observations: who records them, conflicting reports kept, need-to-know, timelines with per-row refusals. */
@MusterIntegrationTest
class ObservationsIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    Observations observations;

    @Autowired
    MissionPostures missionPostures;

    @Autowired
    Posts posts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void conflictingReportsOfOneEventAreAllKeptAndNoneCanBeChanged() {
        Post post = data.post();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        Instant at = clock.instant().minusSeconds(600);

        data.as(rso, () -> observations.record(post.id(), new NewObservation(at, "Farah", "fell", "Al Jazeera")));
        data.as(rso, () -> observations.record(post.id(), new NewObservation(at, "Farah", "contested", "VOA")));
        data.as(rso, () -> observations.record(post.id(), new NewObservation(at, "Farah", "fell", "Al Jazeera")));

        assertThat(data.as(rso, () -> observations.list(post.id(), 0)))
                .extracting(o -> o.event() + " / " + o.source())
                .containsExactly("fell / Al Jazeera", "contested / VOA", "fell / Al Jazeera");
        assertThatThrownBy(() -> jdbc.sql("update observation set event = 'held' where post_id = ?")
                        .param(post.id())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from observation where post_id = ?")
                        .param(post.id())
                        .update())
                .hasMessageContaining("append-only");
        assertThat(count(
                        "select count(*) from audit_entry where post_id = ? and action = 'observation.recorded'", post))
                .isEqualTo(3);
    }

    @Test
    void theSecurityOfficerTheChiefOfMissionAndCommitteeMembersRecordAndOthersAreRefused() {
        Post post = data.post();
        NewObservation report = new NewObservation(clock.instant(), "Kunduz", "fell", "VOA");
        for (Role role : new Role[] {Role.SECURITY_OFFICER, Role.CHIEF_OF_MISSION, Role.COMMITTEE_MEMBER}) {
            String user = data.user(role, Classification.UNCLASSIFIED, post);
            assertThat(data.as(user, () -> observations.record(post.id(), report))
                            .recordedBy())
                    .isEqualTo(user);
        }
        for (Role role : new Role[] {Role.VIEWER, Role.WARDEN, Role.CONSULAR, Role.TASK_FORCE}) {
            String user = data.user(role, Classification.SECRET, post);
            assertThatThrownBy(() -> data.as(user, () -> observations.record(post.id(), report)))
                    .as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        NewObservation future = new NewObservation(clock.instant().plusSeconds(3600), "Kabul", "entered", "VOA");
        assertThatThrownBy(() -> data.as(rso, () -> observations.record(post.id(), future)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("observedAt:");
        assertThatThrownBy(() -> new NewObservation(
                        clock.instant(), "Airport", "plot", null, "desk", null, Classification.SECRET, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("handle:");
        assertThat(count("select count(*) from observation where post_id = ?", post))
                .isEqualTo(3);
    }

    @Test
    void aReaderWithoutClearanceDoesNotSeeASecretObservationAndANonMemberIsRefused() {
        Post post = data.post();
        String secretRso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        String viewer = data.user(Role.VIEWER, Classification.UNCLASSIFIED, post);
        String outsider = data.user(Role.SECURITY_OFFICER, Classification.SECRET, data.post());
        Instant at = clock.instant().minusSeconds(60);
        data.as(
                secretRso,
                () -> observations.record(post.id(), new NewObservation(at, "Kabul", "checkpoint seen", "press")));
        data.as(
                secretRso,
                () -> observations.record(
                        post.id(),
                        new NewObservation(
                                at,
                                "Airport",
                                "attack planned",
                                null,
                                "agency",
                                Confidence.HIGH,
                                Classification.SECRET,
                                "CIA-2021-0815",
                                null)));

        assertThat(data.as(viewer, () -> observations.list(post.id(), 0)))
                .extracting(Observation::subject)
                .containsExactly("Kabul");
        assertThat(data.as(secretRso, () -> observations.list(post.id(), 0)))
                .extracting(Observation::handle)
                .containsExactlyInAnyOrder(null, "CIA-2021-0815");
        assertThatThrownBy(() -> data.as(outsider, () -> observations.list(post.id(), 0)))
                .isInstanceOf(AccessDeniedException.class);

        SignedInClient viewerClient = signedIn(viewer);
        SignedInClient outsiderClient = signedIn(outsider);
        var asViewer = viewerClient.getJson(api(post) + "/observations");
        var asOutsider = outsiderClient.getJson(api(post) + "/observations");
        assertThat(asViewer.statusCode()).isEqualTo(200);
        assertThat(asViewer.body()).contains("Kabul").doesNotContain("Airport").doesNotContain("CIA-2021-0815");
        assertThat(asOutsider.statusCode()).isEqualTo(403);
        assertThat(outsiderClient.getJson(api(post) + "/crossings").statusCode())
                .isEqualTo(403);
        assertThat(outsiderClient.getJson(api(post) + "/decision-points").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTimelineRecordsEveryGoodRowAndReportsEveryRefusedOneWithItsRowFieldAndReason() {
        Post post = data.post();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        String csv = """
                reported_date,capital,event,source,confidence,classification,handle
                2021-08-06,Zaranj,fell,Reuters,HIGH,,
                2021-08-07,Sheberghan,,Reuters,,,
                2021-08-0x,Kunduz,fell,VOA,,,
                2021-08-08,Taloqan,fell,VOA,certain,,
                ,,,,,,
                2021-08-09,Aybak,fell,VOA,,SECRET,S-1
                2021-08-10,Farah,fell,Al Jazeera,LOW,,
                """;

        TimelineReport report =
                data.as(rso, () -> observations.importTimeline(post.id(), csv.getBytes(StandardCharsets.UTF_8), null));

        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.recorded()).isEqualTo(2);
        assertThat(report.emptyRows()).containsExactly(6);
        assertThat(report.refused())
                .extracting(r -> r.row() + " " + r.field())
                .containsExactly("3 event", "4 date", "5 confidence", "7 classification");
        assertThat(report.refusedRows()).isEqualTo(4);
        assertThat(data.as(rso, () -> observations.list(post.id(), 0)))
                .extracting(o -> o.subject() + " " + o.origin())
                .containsExactly("Farah timeline row 8", "Zaranj timeline row 2");
        assertThat(count(
                        "select count(*) from audit_entry where post_id = ? and action = 'observation.timeline-imported'",
                        post))
                .isEqualTo(1);

        assertThatThrownBy(() -> data.as(
                        rso,
                        () -> observations.importTimeline(
                                post.id(), "date,subject\n2021-08-06,Zaranj\n".getBytes(StandardCharsets.UTF_8), null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("file:");
        assertThat(count("select count(*) from observation where post_id = ?", post))
                .isEqualTo(2);
    }

    @Test
    void otherMissionsPosturesInTheCountryAreTheLatestReportedOfEach() {
        String country = "Dominoland " + System.nanoTime();
        Post a = posts.create(new NewPost("D" + code(), "Embassy A", PostKind.EMBASSY, country, "UTC"));
        Post b = posts.create(new NewPost("D" + code(), "Consulate B", PostKind.CONSULATE, country, "UTC"));
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, a, b);
        Instant now = clock.instant();
        data.as(
                rso,
                () -> observations.record(
                        a.id(),
                        new NewObservation(now.minusSeconds(300), "British Embassy", "authorized departure", "FCDO")));
        data.as(
                rso,
                () -> observations.record(
                        b.id(),
                        new NewObservation(now.minusSeconds(100), "british embassy", "ORDERED_DEPARTURE", "BBC")));
        data.as(
                rso,
                () -> observations.record(
                        a.id(), new NewObservation(now.minusSeconds(200), "German Embassy", "suspended", "dpa")));
        data.as(
                rso,
                () -> observations.record(a.id(), new NewObservation(now.minusSeconds(50), "Kabul", "fell", "press")));

        List<ReportedPosture> reported = data.as(rso, () -> missionPostures.reported(country));

        assertThat(reported)
                .extracting(r -> r.mission() + " " + r.posture())
                .containsExactly("German Embassy SUSPENSION", "british embassy ORDERED_DEPARTURE");
    }

    @Test
    void theTaskForcesDominoPictureHasEachCountrysLatestReportOfEachMissionItsReaderMaySee() {
        String country = "Dominoland " + System.nanoTime();
        String elsewhere = "Otherland " + System.nanoTime();
        Post a = posts.create(new NewPost("D" + code(), "Embassy A", PostKind.EMBASSY, country, "UTC"));
        Post b = posts.create(new NewPost("D" + code(), "Consulate B", PostKind.CONSULATE, country, "UTC"));
        Post c = posts.create(new NewPost("D" + code(), "Embassy C", PostKind.EMBASSY, elsewhere, "UTC"));
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, a, b, c);
        String taskForce = data.user(Role.TASK_FORCE, Classification.SBU, a, b, c);
        Instant now = clock.instant();
        record Report(Post post, long secondsAgo, String mission, String event, Classification marking) {}
        for (Report r : List.of(
                new Report(a, 300, "British Embassy", "authorized departure", Classification.UNCLASSIFIED),
                new Report(b, 100, "british  embassy", "ORDERED_DEPARTURE", Classification.SBU),
                new Report(a, 200, "German Embassy", "suspended", Classification.UNCLASSIFIED),
                new Report(a, 50, "German Embassy", "normal operations", Classification.CONFIDENTIAL),
                new Report(a, 40, "Kabul", "fell", Classification.UNCLASSIFIED),
                new Report(c, 30, "British Embassy", "Authorized-Departure", Classification.UNCLASSIFIED))) {
            data.as(
                    rso,
                    () -> observations.record(
                            r.post().id(),
                            new NewObservation(
                                    now.minusSeconds(r.secondsAgo()),
                                    r.mission(),
                                    r.event(),
                                    null,
                                    "a source",
                                    Confidence.MODERATE,
                                    r.marking(),
                                    r.marking() == Classification.CONFIDENTIAL ? "CABLE-1" : null,
                                    null)));
        }

        var picture = data.as(taskForce, () -> missionPostures.reportedByCountry(List.of(a.id(), b.id(), c.id())));

        assertThat(picture).containsOnlyKeys(country, elsewhere);
        assertThat(picture.get(country))
                .as("the confidential report that German Embassy returned to normal is above the reader's clearance")
                .extracting(r -> r.mission() + " " + r.posture())
                .containsExactly("German Embassy SUSPENSION", "british  embassy ORDERED_DEPARTURE");
        assertThat(picture.get(elsewhere))
                .extracting(r -> r.mission() + " " + r.posture() + " " + r.postId())
                .containsExactly("British Embassy AUTHORIZED_DEPARTURE " + c.id());
        assertThat(data.as(taskForce, () -> missionPostures.reportedByCountry(List.of(c.id()))))
                .containsOnlyKeys(elsewhere);
    }

    private static final java.util.concurrent.atomic.AtomicInteger CODES =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Three letters, a different one on every call of a test run (17,576 of them). */
    static String code() {
        int n = CODES.incrementAndGet();
        return "" + (char) ('A' + n % 26) + (char) ('A' + (n / 26) % 26) + (char) ('A' + (n / 676) % 26);
    }

    String api(Post post) {
        return "/api/v1/posts/" + post.code();
    }

    SignedInClient signedIn(String username) {
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(username, TestData.PASSWORD);
        return client;
    }

    long count(String sql, Post post) {
        return jdbc.sql(sql).param(post.id()).query(Long.class).single();
    }
}
