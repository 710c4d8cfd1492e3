package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.ApiTokens;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The check-in API: idempotent ids, refusals that name their field and change nothing, batches, who may report. */
@MusterIntegrationTest
class CheckInIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    PeopleRegistry registry;

    @Autowired
    RollCalls rollCalls;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CheckInScenes scenes;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    /** A post with people, a started roll-call and a gate user signed in. */
    record Scene(Post post, List<Long> people, RollCall rollCall, String gate, SignedInClient client) {
        String url() {
            return "/api/v1/posts/" + post.code() + "/roll-calls/" + rollCall.id() + "/check-ins";
        }
    }

    Scene scene(int people) {
        Post post = data.post();
        List<Long> ids = scenes.people(post, people, i -> "Annex");
        RollCall rc = scenes.rollCall(post, scenes.securityOfficer(post));
        String gate = data.user(Role.GATE, Classification.UNCLASSIFIED, post);
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(gate, TestData.PASSWORD);
        return new Scene(post, ids, rc, gate, client);
    }

    @Test
    void aRetriedIdIsRecordedOnceAndAnsweredAlike() {
        Scene s = scene(2);
        String id = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + id + "\",\"personId\":" + s.people().get(0) + ",\"status\":\"SAFE\","
                + "\"channel\":\"GATE\",\"note\":\"at gate 2\"}";

        var first = s.client().postJson(s.url(), body);
        var retry = s.client().postJson(s.url(), body);
        var changed = s.client().postJson(s.url(), body.replace("SAFE", "NEEDS_HELP"));
        var otherPerson = s.client()
                .postJson(
                        s.url(),
                        body.replace(
                                ":" + s.people().get(0) + ",", ":" + s.people().get(1) + ","));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(json.readTree(first.body()).path("reportedBy").asString()).isEqualTo(s.gate());
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(changed.body()).contains("\"field\":\"id\"");
        assertThat(otherPerson.statusCode()).isEqualTo(409);
        assertThat(rows("select count(*) from check_in where id = ?::uuid", id)).isEqualTo(1);
        assertThat(scenes.statuses(s.rollCall())).isEqualTo("SAFE,UNKNOWN");
    }

    @Test
    void badPayloadsGetProblemsNamingTheFieldAndChangeNothing() {
        Scene s = scene(10);
        long stranger = scenes.stranger();
        long person = s.people().get(0);
        String future = OffsetDateTime.now(clock).plusHours(1).toString();
        String beforeStart = s.rollCall().startedAt().minusHours(1).toString();
        long rowsBefore = checkInRows(s);

        var unknownStatus =
                post(s, "{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":" + person + ",\"status\":\"FINE\"}");
        var missingId = post(s, "{\"personId\":" + person + ",\"status\":\"SAFE\"}");
        var malformedId = post(s, "{\"id\":\"not-a-uuid\",\"personId\":" + person + ",\"status\":\"SAFE\"}");
        var notInRollCall =
                post(s, "{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":" + stranger + ",\"status\":\"SAFE\"}");
        var wrongType = post(s, "{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":\"abc\",\"status\":\"SAFE\"}");
        var inTheFuture = post(
                s,
                "{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":" + person
                        + ",\"status\":\"SAFE\",\"reportedAt\":\"" + future + "\"}");
        var tooEarly = post(
                s,
                "{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":" + person
                        + ",\"status\":\"SAFE\",\"reportedAt\":\"" + beforeStart + "\"}");
        var unknownChannel = post(
                s,
                "{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":" + person
                        + ",\"status\":\"SAFE\",\"channel\":\"FAX\"}");
        var notJson = post(s, "status=SAFE");
        List<String> items = IntStream.range(0, 10)
                .mapToObj(i -> CheckInScenes.item(s.people().get(i), i == 7 ? "FINE" : "SAFE"))
                .collect(Collectors.toCollection(ArrayList::new));
        var oneBadItem = batch(s, items);
        items.set(7, CheckInScenes.item(s.people().get(7), "SAFE"));
        items.set(2, CheckInScenes.item(stranger, "SAFE"));
        items.set(4, CheckInScenes.item(s.people().get(4), "SAFE").replace("}", ",\"reportedAt\":\"" + future + "\"}"));
        var twoBadItems = batch(s, items);
        var tooMany = batch(
                s,
                IntStream.range(0, 501)
                        .mapToObj(i -> CheckInScenes.item(person, "SAFE"))
                        .toList());
        var empty = batch(s, List.of());

        assertProblem(unknownStatus, 400, "status");
        assertThat(unknownStatus.body()).contains("SAFE");
        assertProblem(missingId, 400, "id");
        assertProblem(malformedId, 400, "id");
        assertProblem(notInRollCall, 400, "personId");
        assertProblem(wrongType, 400, "personId");
        assertProblem(inTheFuture, 400, "reportedAt");
        assertProblem(tooEarly, 400, "reportedAt");
        assertProblem(unknownChannel, 400, "channel");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertProblem(oneBadItem, 400, "checkIns[7].status");
        assertThat(json.readTree(oneBadItem.body()).path("errors").size()).isEqualTo(1);
        assertProblem(twoBadItems, 400, "checkIns[2].personId");
        assertProblem(twoBadItems, 400, "checkIns[4].reportedAt");
        assertProblem(tooMany, 400, "checkIns");
        assertProblem(empty, 400, "checkIns");
        assertThat(checkInRows(s)).isEqualTo(rowsBefore);
        assertThat(scenes.statuses(s.rollCall())).doesNotContain("SAFE");
    }

    @Test
    void aBatchIsAppliedAtOnceAndEachPersonsLatestReportWins() {
        Scene s = scene(12);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        List<String> items = new ArrayList<>();
        s.people()
                .forEach(p -> items.add(CheckInScenes.item(p, "SAFE")
                        .replace("}", ",\"reportedAt\":\"" + now.minusMinutes(1) + "\"}")));
        long first = s.people().get(0);
        items.add(CheckInScenes.item(first, "DEPARTED").replace("}", ",\"reportedAt\":\"" + now + "\"}"));
        items.add(CheckInScenes.item(first, "NEEDS_HELP")
                .replace("}", ",\"reportedAt\":\"" + now.minusSeconds(30) + "\"}"));

        var applied = batch(s, items);
        var replayed = batch(s, items);
        List<String> changed = new ArrayList<>(items);
        changed.set(3, changed.get(3).replace("SAFE", "NOT_AT_POST"));
        var conflicting = batch(s, changed);

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        JsonNode result = json.readTree(applied.body());
        assertThat(result.path("received").asInt()).isEqualTo(14);
        assertThat(result.path("recorded").asInt()).isEqualTo(14);
        assertThat(result.path("applied").asInt()).isEqualTo(12);
        assertThat(json.readTree(replayed.body()).path("replayed").asInt()).isEqualTo(14);
        assertThat(json.readTree(replayed.body()).path("recorded").asInt()).isZero();
        assertProblem(conflicting, 409, "checkIns[3].id");
        assertThat(checkInRows(s)).isEqualTo(14);
        assertThat(jdbc.sql("select status from roll_call_member where roll_call_id = ? and person_id = ?")
                        .params(s.rollCall().id(), first)
                        .query(String.class)
                        .single())
                .isEqualTo("DEPARTED");
        assertThat(scenes.statuses(s.rollCall())).isEqualTo("DEPARTED," + "SAFE,".repeat(10) + "SAFE");
    }

    @Test
    void anOlderReportIsKeptButDoesNotOverrideANewerOne() {
        Scene s = scene(1);
        long person = s.people().get(0);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);

        var newer = post(s, CheckInScenes.item(person, "SAFE").replace("}", ",\"reportedAt\":\"" + now + "\"}"));
        var older = post(
                s,
                CheckInScenes.item(person, "NEEDS_HELP")
                        .replace("}", ",\"reportedAt\":\"" + now.minusMinutes(2) + "\"}"));
        JsonNode history = json.readTree(s.client()
                .getJson("/api/v1/posts/" + s.post().code() + "/roll-calls/"
                        + s.rollCall().id() + "/members/" + person + "/history")
                .body());

        assertThat(newer.statusCode()).isEqualTo(201);
        assertThat(older.statusCode()).isEqualTo(201);
        assertThat(scenes.statuses(s.rollCall())).isEqualTo("SAFE");
        assertThat(history.path("checkIns").size()).isEqualTo(2);
        assertThat(history.path("checkIns").get(0).path("status").asString()).isEqualTo("NEEDS_HELP");
        assertThat(history.path("member").path("lastCheckIn").asString())
                .isEqualTo(json.readTree(newer.body()).path("id").asString());
    }

    @Test
    void aReporterNeedsACheckInRoleAndMayUseOnlyTheChannelsOfTheirRoles(@Autowired ApiTokens tokens) throws Exception {
        Scene s = scene(3);
        long person = s.people().get(0);
        SignedInClient viewer = new SignedInClient("http://localhost:" + port);
        viewer.signIn(data.user(Role.VIEWER, Classification.SECRET, s.post()), TestData.PASSWORD);
        SignedInClient com = new SignedInClient("http://localhost:" + port);
        com.signIn(data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, s.post()), TestData.PASSWORD);
        String token = tokens.create(accounts.idOf(s.gate()).orElseThrow(), "gate tablet");

        var byViewer = viewer.postJson(s.url(), CheckInScenes.item(person, "SAFE"));
        var gateAsOfficer = post(s, CheckInScenes.item(person, "SAFE", "OFFICER"));
        var gateAsWarden = post(s, CheckInScenes.item(person, "SAFE", "WARDEN"));
        var comAsOfficer = com.postJson(s.url(), CheckInScenes.item(person, "SAFE", "OFFICER"));
        var withToken = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + s.url()))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        CheckInScenes.item(s.people().get(1), "SAFE")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(gateAsOfficer.statusCode()).isEqualTo(403);
        assertThat(gateAsWarden.statusCode()).isEqualTo(403);
        assertThat(comAsOfficer.statusCode()).as(comAsOfficer.body()).isEqualTo(201);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
        assertThat(json.readTree(withToken.body()).path("channel").asString()).isEqualTo("API");
        assertThat(checkInRows(s)).isEqualTo(2);
    }

    HttpResponse<String> post(Scene s, String body) {
        return s.client().postJson(s.url(), body);
    }

    HttpResponse<String> batch(Scene s, List<String> items) {
        return s.client().postJson(s.url() + "/batch", "{\"checkIns\":[" + String.join(",", items) + "]}");
    }

    void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    long checkInRows(Scene s) {
        return scenes.checkIns(s.rollCall());
    }

    long rows(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
