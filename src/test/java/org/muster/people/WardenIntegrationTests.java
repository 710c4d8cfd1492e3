package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A warden sees and checks in only the people of the locations assigned to them, at their own post. */
@MusterIntegrationTest
class WardenIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    PeopleRegistry registry;

    @Autowired
    RollCalls rollCalls;

    @Autowired
    WardenAssignments wardens;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    /** People in Compound A (Ahmadi) and Compound B (Barakzai), a roll-call of all, a warden for A. */
    record Scene(Post post, List<Long> inA, List<Long> inB, RollCall rollCall, String rso, String warden) {
        String api() {
            return "/api/v1/posts/" + post.code() + "/roll-calls/" + rollCall.id();
        }
    }

    Scene scene() {
        Post post = data.post();
        registry.addAll(
                post.id(),
                List.of(
                        new NewPerson(
                                "Aziz", "Ahmadi", Category.LOCALLY_EMPLOYED_STAFF, "AF", null, null, "Compound A"),
                        new NewPerson("Ali", "Ahmadi", Category.LOCALLY_EMPLOYED_STAFF, "AF", null, null, "Compound A"),
                        new NewPerson("Bashir", "Barakzai", Category.US_DIRECT_HIRE, "US", null, null, "Compound B"),
                        new NewPerson(
                                "Bibi", "Barakzai", Category.ELIGIBLE_FAMILY_MEMBER, "US", null, null, "Compound B"),
                        new NewPerson(
                                "Bahar", "Barakzai", Category.ELIGIBLE_FAMILY_MEMBER, "US", null, null, "Compound B")),
                "a test");
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        String warden = data.user(Role.WARDEN, Classification.UNCLASSIFIED, post);
        data.as(rso, () -> wardens.assign(post.id(), accounts.idOf(warden).orElseThrow(), List.of("Compound A")));
        RollCall rc = data.as(rso, () -> rollCalls.start(post.id(), "Compound muster", null, null, null));
        return new Scene(post, ids(post, "Ahmadi"), ids(post, "Barakzai"), rc, rso, warden);
    }

    @Test
    void aWardenSeesOnlyThePeopleOfTheirLocationsOnThePagesAndTheApi() {
        Scene s = scene();
        SignedInClient warden = signedIn(s.warden());

        JsonNode progress = json.readTree(warden.getJson(s.api()).body());
        JsonNode members = json.readTree(warden.getJson(s.api() + "/members").body());
        JsonNode list = json.readTree(warden.getJson("/api/v1/posts/" + s.post().code() + "/roll-calls")
                .body());
        String page =
                warden.get("/roll-calls/" + s.rollCall().id() + "?status=ALL").body();
        String refreshedList = warden.get("/roll-calls/" + s.rollCall().id() + "/members?status=ALL")
                .body();
        var foreignHistory = warden.getJson(s.api() + "/members/" + s.inB().get(0) + "/history");

        assertThat(progress.path("figures").path("members").asLong()).isEqualTo(2);
        assertThat(progress.path("onlyLocations").get(0).asString()).isEqualTo("Compound A");
        assertThat(members.path("total").asLong()).isEqualTo(2);
        assertThat(members.path("items").findValuesAsString("location")).containsOnly("Compound A");
        assertThat(list.get(0).path("members").asLong()).isEqualTo(2);
        assertThat(page)
                .contains("Ahmadi, Aziz")
                .doesNotContain("Barakzai")
                .contains("data-testid=\"warden-view\"")
                .contains("data-percent=\"0.0\"");
        assertThat(refreshedList).contains("Ahmadi, Aziz").doesNotContain("Barakzai");
        assertThat(foreignHistory.statusCode()).isEqualTo(404);
        assertThat(signedIn(s.rso()).getJson(s.api()).body()).contains("\"members\":5");
    }

    @Test
    void aWardenChecksInThePeopleOfTheirLocationsAndIsRefusedEveryoneElse() {
        Scene s = scene();
        SignedInClient warden = signedIn(s.warden());

        var own = warden.postJson(s.api() + "/check-ins", item(s.inA().get(0), "WARDEN"));
        var foreign = warden.postJson(s.api() + "/check-ins", item(s.inB().get(0), "WARDEN"));
        var foreignInBatch = warden.postJson(
                s.api() + "/check-ins/batch",
                "{\"checkIns\":[" + item(s.inA().get(1), "WARDEN") + ","
                        + item(s.inB().get(1), "WARDEN") + "]}");
        var asOfficer = warden.postJson(s.api() + "/check-ins", item(s.inA().get(1), "OFFICER"));
        var answeredOnPage = warden.postForm(
                "/roll-calls/" + s.rollCall().id() + "/members/" + s.inA().get(1),
                Map.of(
                        "status",
                        "SAFE",
                        "channel",
                        "WARDEN",
                        "checkInId",
                        UUID.randomUUID().toString()));

        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(foreignInBatch.statusCode()).isEqualTo(403);
        assertThat(foreignInBatch.body()).contains("checkIns[1].personId");
        assertThat(asOfficer.statusCode()).isEqualTo(403);
        assertThat(answeredOnPage.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select person_id from check_in where roll_call_id = ? order by person_id")
                        .param(s.rollCall().id())
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrderElementsOf(s.inA());
    }

    @Test
    void aWardenWithoutLocationsSeesNobodyAndAWardenOfAnotherPostNothingAtAll() {
        Scene s = scene();
        String idle = data.user(Role.WARDEN, Classification.UNCLASSIFIED, s.post());
        String outsider = data.user(Role.WARDEN, Classification.SECRET, data.post());
        SignedInClient idleClient = signedIn(idle);
        SignedInClient outsiderClient = signedIn(outsider);

        JsonNode idleProgress = json.readTree(idleClient.getJson(s.api()).body());
        var idleCheckIn =
                idleClient.postJson(s.api() + "/check-ins", item(s.inA().get(0), "WARDEN"));

        assertThat(idleProgress.path("figures").path("members").asLong()).isZero();
        assertThat(idleClient
                        .get("/roll-calls/" + s.rollCall().id() + "/members")
                        .body())
                .contains("No one you can see is unaccounted for.")
                .doesNotContain("Ahmadi");
        assertThat(idleCheckIn.statusCode()).isEqualTo(403);
        for (HttpResponse<String> refused : List.of(
                outsiderClient.getJson(s.api()),
                outsiderClient.getJson(s.api() + "/members"),
                outsiderClient.getJson("/api/v1/posts/" + s.post().code() + "/roll-calls"),
                outsiderClient.postJson(s.api() + "/check-ins", item(s.inA().get(0), "WARDEN")),
                outsiderClient.get("/roll-calls/" + s.rollCall().id()),
                outsiderClient.get("/roll-calls/" + s.rollCall().id() + "/members?status=ALL"))) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("Ahmadi").doesNotContain("Compound muster");
        }
        assertThat(jdbc.sql("select count(*) from check_in where roll_call_id = ?")
                        .param(s.rollCall().id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theChiefSecurityOfficerAndManagementAssignWardensAndEachChangeIsAudited() {
        Scene s = scene();
        long wardenId = accounts.idOf(s.warden()).orElseThrow();
        String consular = data.user(Role.CONSULAR, Classification.UNCLASSIFIED, s.post());
        String viewer = data.user(Role.VIEWER, Classification.UNCLASSIFIED, s.post());
        long viewerId = accounts.idOf(viewer).orElseThrow();
        String management = data.user(Role.MANAGEMENT, Classification.UNCLASSIFIED, s.post());

        assertThatThrownBy(
                        () -> data.as(consular, () -> wardens.assign(s.post().id(), wardenId, List.of("Compound B"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(
                        () -> data.as(management, () -> wardens.assign(s.post().id(), viewerId, List.of("Compound B"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("warden:");
        SignedInClient manager = signedIn(management);
        var saved = manager.postForm(
                "/roll-calls/wardens", Map.of("userId", String.valueOf(wardenId), "locations", "Compound B"));
        String page = manager.get("/roll-calls/wardens").body();

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(data.as(s.warden(), () -> wardens.list(s.post().id())))
                .singleElement()
                .satisfies(w -> assertThat(w.locations()).containsExactly("Compound B"));
        assertThat(page).contains(s.warden()).contains("Compound B");
        assertThat(json.readTree(signedIn(s.warden())
                                .getJson(s.api() + "/members")
                                .body())
                        .path("total")
                        .asLong())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_entry where post_id = ? and action = 'warden.assigned'")
                        .param(s.post().id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(Set.of(signedIn(viewer).get("/roll-calls/wardens").statusCode()))
                .containsExactly(200);
    }

    static String item(long personId, String channel) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":" + personId + ",\"status\":\"SAFE\",\"channel\":\""
                + channel + "\"}";
    }

    List<Long> ids(Post post, String familyName) {
        return jdbc.sql("select id from person where post_id = ? and family_name = ? order by id")
                .params(post.id(), familyName)
                .query(Long.class)
                .list();
    }

    SignedInClient signedIn(String username) {
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(username, TestData.PASSWORD);
        return client;
    }
}
