package org.muster.decisionpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.ApiTokens;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Decision-point sets: versions, the Washington baseline a post may tighten but not weaken, who edits and reads. */
@MusterIntegrationTest
class DecisionPointsIntegrationTests {
    static final DecisionPoint CAPITALS = BaselineRuleTests.CAPITALS;
    static final DecisionPoint THREAT = BaselineRuleTests.THREAT;
    static final DecisionPoint DOMINO = BaselineRuleTests.DOMINO;

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    DecisionPoints decisionPoints;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachSaveIsANewVersionAndTheLatestIsInForce() {
        Post post = data.post();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        String viewer = data.user(Role.VIEWER, Classification.UNCLASSIFIED, post);
        DecisionPoint mazar = new DecisionPoint(
                "mazar-fallen",
                "Mazar fallen",
                Indicator.event("Mazar-i-Sharif", "fell"),
                List.of("Close MZR"),
                24,
                null,
                null);

        data.as(rso, () -> decisionPoints.save(post.id(), new DecisionPointSet(List.of("One"), List.of(mazar))));
        EffectiveSet second = data.as(
                rso,
                () -> decisionPoints.save(
                        post.id(), new DecisionPointSet(List.of("One", "Two"), List.of(mazar, CAPITALS))));

        assertThat(second.version()).isEqualTo(2);
        assertThat(data.as(viewer, () -> decisionPoints.current(post.id())).decisionPoints())
                .extracting(EffectiveDecisionPoint::key)
                .containsExactly("mazar-fallen", "half-capitals");
        assertThat(data.as(viewer, () -> decisionPoints.versions(post.id())))
                .extracting(SetVersion::version, SetVersion::savedBy, SetVersion::decisionPoints)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, rso, 2), org.assertj.core.groups.Tuple.tuple(1, rso, 1));
        assertThat(data.as(viewer, () -> decisionPoints.version(post.id(), 1)).assumptions())
                .containsExactly("One");
        assertThat(count(
                        "select count(*) from audit_entry where post_id = ? and action = 'decision-points.saved'",
                        post))
                .isEqualTo(2);
        assertThatThrownBy(() -> jdbc.sql("update decision_point_set set version = 9 where post_id = ?")
                        .param(post.id())
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void onlyTheChiefOfMissionAndTheSecurityOfficerEditAndOnlyMembersRead() {
        Post post = data.post();
        DecisionPointSet set = new DecisionPointSet(List.of(), List.of(CAPITALS));
        for (Role role : new Role[] {Role.VIEWER, Role.COMMITTEE_MEMBER, Role.WARDEN, Role.TASK_FORCE}) {
            String user = data.user(role, Classification.SECRET, post);
            assertThatThrownBy(() -> data.as(user, () -> decisionPoints.save(post.id(), set)))
                    .as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        String outsider = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, data.post());
        assertThatThrownBy(() -> data.as(outsider, () -> decisionPoints.current(post.id())))
                .isInstanceOf(AccessDeniedException.class);
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.UNCLASSIFIED, post);
        assertThat(data.as(com, () -> decisionPoints.save(post.id(), set)).version())
                .isEqualTo(1);
    }

    @Test
    void aBaselinePointMayBeTightenedButEachWeakerSaveIsRefusedAndWritesNothing() throws Exception {
        Post post = data.post();
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        String taskForce = data.user(Role.TASK_FORCE, Classification.SECRET);
        DecisionPointSet before = data.as(taskForce, () -> decisionPoints.baseline());
        try {
            data.as(
                    taskForce,
                    () -> decisionPoints.saveBaseline(new DecisionPointSet(
                            List.of("Washington decides on airlift"), List.of(CAPITALS, THREAT, DOMINO))));
            assertThat(data.as(com, () -> decisionPoints.current(post.id())).decisionPoints())
                    .extracting(EffectiveDecisionPoint::origin)
                    .containsOnly(EffectiveDecisionPoint.Origin.BASELINE);

            List<DecisionPointSet> weaker = List.of(
                    replace(BaselineRuleTests.withIndicator(CAPITALS, Indicator.count("fell", 20, 34))),
                    replace(BaselineRuleTests.withIndicator(
                            THREAT, Indicator.level("Kabul", "threat", new BigDecimal("5")))),
                    replace(BaselineRuleTests.withIndicator(
                            DOMINO, Indicator.missionPosture("British Embassy", MissionPosture.SUSPENSION))),
                    replace(BaselineRuleTests.hours(CAPITALS, 72)),
                    new DecisionPointSet(List.of(), List.of(CAPITALS, THREAT)));
            List<String> fields = new ArrayList<>();
            for (DecisionPointSet set : weaker) {
                try {
                    data.as(com, () -> decisionPoints.save(post.id(), set));
                } catch (InvalidInputException refused) {
                    fields.add(refused.field());
                }
            }
            var viaApi = put(
                    com,
                    post,
                    DecisionPoints.toJson(
                            replace(BaselineRuleTests.withIndicator(CAPITALS, Indicator.count("fell", 18, 34)))));

            assertThat(fields)
                    .containsExactly(
                            "decisionPoints[half-capitals].threshold",
                            "decisionPoints[threat].threshold",
                            "decisionPoints[uk-od].threshold",
                            "decisionPoints[half-capitals].decideWithinHours",
                            "decisionPoints[uk-od]");
            assertThat(viaApi.statusCode()).isEqualTo(400);
            assertThat(viaApi.body()).contains("\"field\":\"decisionPoints[half-capitals].threshold\"");
            assertThat(count("select count(*) from decision_point_set where post_id = ?", post))
                    .isZero();
            assertThat(count(
                            "select count(*) from audit_entry where post_id = ? and action like 'decision-points.%'",
                            post))
                    .isZero();

            EffectiveSet tightened = data.as(
                    com,
                    () -> decisionPoints.save(
                            post.id(),
                            replace(BaselineRuleTests.withIndicator(CAPITALS, Indicator.count("fell", 12, 34)))));
            assertThat(tightened.point("half-capitals").orElseThrow().origin())
                    .isEqualTo(EffectiveDecisionPoint.Origin.TIGHTENED);
            assertThat(tightened.assumptions()).containsExactly("Washington decides on airlift");
        } finally {
            data.as(taskForce, () -> decisionPoints.saveBaseline(before));
        }
    }

    @Test
    void aDecisionPointMarkedAboveTheReadersClearanceIsHiddenAndKeptWhenTheySave() {
        Post post = data.post();
        String secretRso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.UNCLASSIFIED, post);
        DecisionPoint attack = new DecisionPoint(
                "attack-plot",
                "Reporting of an attack plot",
                Indicator.event("Airport", "plot reported"),
                List.of("Meet at once"),
                6,
                null,
                Classification.SECRET);
        data.as(
                secretRso,
                () -> decisionPoints.save(post.id(), new DecisionPointSet(List.of(), List.of(CAPITALS, attack))));

        EffectiveSet seen = data.as(com, () -> decisionPoints.current(post.id()));
        data.as(com, () -> decisionPoints.save(post.id(), new DecisionPointSet(List.of("Mine"), List.of(CAPITALS))));
        String export = new String(
                data.as(com, () -> decisionPoints.exportJson(post.id())), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(seen.decisionPoints())
                .extracting(EffectiveDecisionPoint::key)
                .containsExactly("half-capitals");
        assertThat(export).doesNotContain("attack-plot").contains("half-capitals");
        assertThat(data.as(secretRso, () -> decisionPoints.current(post.id())).decisionPoints())
                .extracting(EffectiveDecisionPoint::key)
                .containsExactly("half-capitals", "attack-plot");
        assertThatThrownBy(() -> data.as(
                        com,
                        () -> decisionPoints.save(
                                post.id(),
                                new DecisionPointSet(List.of(), List.of(CAPITALS, withKey(attack, "other"))))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("above your clearance");
    }

    @Test
    void theExportedFileImportsBackAsTheNextVersion() {
        Post post = data.post();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        byte[] kabul = EvaluatorTests.resource("kabul-decision-points.json");

        data.as(rso, () -> decisionPoints.importJson(post.id(), kabul));
        byte[] exported = data.as(rso, () -> decisionPoints.exportJson(post.id()));
        EffectiveSet again = data.as(rso, () -> decisionPoints.importJson(post.id(), exported));

        assertThat(again.version()).isEqualTo(2);
        assertThat(again.toDocument()).isEqualTo(DecisionPointJson.read(kabul));
        assertThatThrownBy(() ->
                        data.as(rso, () -> decisionPoints.importJson(post.id(), "{\"decisionPoints\": 3}".getBytes())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("decisionPoints:");
        assertThat(count(
                        "select count(*) from audit_entry where post_id = ? and action = 'decision-points.exported'",
                        post))
                .isEqualTo(1);
    }

    @Test
    void onlyTheTaskForceAndAdministratorsSaveTheBaselineOverTheApi() throws Exception {
        String taskForce = data.user(Role.TASK_FORCE, Classification.SECRET);
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, data.post());
        DecisionPointSet before = data.as(taskForce, () -> decisionPoints.baseline());
        String json = DecisionPoints.toJson(new DecisionPointSet(List.of("From Washington"), List.of(CAPITALS)));
        try {
            var byChief = send(com, "PUT", "/api/v1/decision-points/baseline", json);
            var byTaskForce = send(taskForce, "PUT", "/api/v1/decision-points/baseline", json);
            var read = send(com, "GET", "/api/v1/decision-points/baseline", null);

            assertThat(byChief.statusCode()).isEqualTo(403);
            assertThat(byTaskForce.statusCode()).as(byTaskForce.body()).isEqualTo(200);
            assertThat(DecisionPointJson.read(read.body().getBytes()).decisionPoints())
                    .containsExactly(CAPITALS);
            assertThat(jdbc.sql("select count(*) from audit_entry where action = 'decision-points.baseline-saved'"
                                    + " and actor = ?")
                            .param(taskForce)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            data.as(taskForce, () -> decisionPoints.saveBaseline(before));
        }
    }

    static DecisionPointSet replace(DecisionPoint changed) {
        List<DecisionPoint> points = new ArrayList<>(List.of(CAPITALS, THREAT, DOMINO));
        points.replaceAll(p -> p.key().equals(changed.key()) ? changed : p);
        return new DecisionPointSet(List.of(), points);
    }

    static DecisionPoint withKey(DecisionPoint p, String key) {
        return new DecisionPoint(
                key, p.title(), p.indicator(), p.actions(), p.decideWithinHours(), p.location(), p.classification());
    }

    HttpResponse<String> put(String username, Post post, String json) throws Exception {
        return send(username, "PUT", "/api/v1/posts/" + post.code() + "/decision-points", json);
    }

    HttpResponse<String> send(String username, String method, String path, String json) throws Exception {
        String token = tokens.create(accounts.idOf(username).orElseThrow(), "test");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .method(
                                        method,
                                        json == null
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    long count(String sql, Post post) {
        return jdbc.sql(sql).param(post.id()).query(Long.class).single();
    }
}
