package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.Pagination;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starting, reading and closing roll-calls, through the service, the API and the pages. */
@MusterIntegrationTest
class RollCallIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    PeopleRegistry registry;

    @Autowired
    RollCalls rollCalls;

    @Autowired
    CheckIns checkIns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CheckInScenes scenes;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Test
    void aRollCallFixesThePeopleOfItsScopeWhenItStarts() {
        Post post = data.post();
        people(post, Category.US_DIRECT_HIRE, "Compound A", 3);
        people(post, Category.US_DIRECT_HIRE, "Compound B", 2);
        people(post, Category.PRIVATE_US_CITIZEN, "Compound A", 4);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);

        RollCall scoped = data.as(
                rso,
                () -> rollCalls.start(
                        post.id(),
                        "Compound A staff",
                        new RollCallScope(Set.of(Category.US_DIRECT_HIRE), Set.of("Compound A"), null),
                        null,
                        null));
        people(post, Category.US_DIRECT_HIRE, "Compound A", 1);
        RollCall whole = data.as(rso, () -> rollCalls.start(post.id(), "Everyone", null, 90, 30));

        assertThat(scoped.members()).isEqualTo(3);
        assertThat(scoped.accounted()).isZero();
        assertThat(scoped.targetPercent()).isEqualTo(100);
        assertThat(scoped.targetMinutes()).isEqualTo(60);
        assertThat(scoped.startedBy()).isEqualTo(rso);
        assertThat(scoped.open()).isTrue();
        assertThat(data.as(rso, () -> rollCalls.get(post.id(), scoped.id())).members())
                .as("someone added after the start is not a member")
                .isEqualTo(3);
        assertThat(whole.members()).isEqualTo(10);
        assertThat(whole.targetPercent()).isEqualTo(90);
        assertThat(data.as(rso, () -> rollCalls.list(post.id(), 0)))
                .extracting(RollCall::title)
                .containsExactly("Everyone", "Compound A staff");
        assertThat(count("select count(*) from audit_entry where post_id = ? and action = 'roll-call.started'", post))
                .isEqualTo(2);
    }

    @Test
    void aScopeThatSelectsNobodyIsRefusedByNameAndWritesNothing() {
        Post post = data.post();
        people(post, Category.US_DIRECT_HIRE, "Compound A", 2);
        String com = data.user(Role.CHIEF_OF_MISSION, Classification.UNCLASSIFIED, post);
        SignedInClient client = signedIn(com);

        assertThatThrownBy(() -> data.as(
                        com,
                        () -> rollCalls.start(
                                post.id(), "Nobody", new RollCallScope(null, Set.of("Mars"), null), null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("scope:");
        var nobody =
                client.postJson(api(post), "{\"title\":\"Nobody\",\"scope\":{\"categories\":[\"SIV_APPLICANT\"]}}");
        var unknownCategory = client.postJson(
                api(post), "{\"title\":\"X\",\"scope\":{\"categories\":[\"US_DIRECT_HIRE\",\"ALIENS\"]}}");
        var badTarget = client.postJson(api(post), "{\"title\":\"X\",\"targetPercent\":0}");
        var noTitle = client.postJson(api(post), "{\"targetMinutes\":30}");

        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains("\"field\":\"scope\"").contains("selects nobody");
        assertThat(unknownCategory.statusCode()).isEqualTo(400);
        assertThat(unknownCategory.body()).contains("\"field\":\"scope.categories[1]\"");
        assertThat(badTarget.body()).contains("\"field\":\"targetPercent\"");
        assertThat(noTitle.body()).contains("\"field\":\"title\"");
        assertThat(count("select count(*) from roll_call where post_id = ?", post))
                .isZero();
        assertThat(count("select count(*) from audit_entry where post_id = ? and action like 'roll-call.%'", post))
                .isZero();
    }

    @Test
    void onlyTheChiefOfMissionSecurityManagementAndConsularStartAndClose() {
        Post post = data.post();
        people(post, Category.LOCALLY_EMPLOYED_STAFF, "Gate 1", 2);
        for (Role role : new Role[] {Role.WARDEN, Role.GATE, Role.VIEWER, Role.COMMITTEE_MEMBER, Role.TASK_FORCE}) {
            String user = data.user(role, Classification.SECRET, post);
            assertThatThrownBy(() -> data.as(user, () -> rollCalls.start(post.id(), "Drill", null, null, null)))
                    .as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        String outsider = data.user(Role.SECURITY_OFFICER, Classification.SECRET, data.post());
        assertThatThrownBy(() -> data.as(outsider, () -> rollCalls.start(post.id(), "Drill", null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        for (Role role : new Role[] {Role.CHIEF_OF_MISSION, Role.SECURITY_OFFICER, Role.MANAGEMENT, Role.CONSULAR}) {
            String user = data.user(role, Classification.UNCLASSIFIED, post);
            RollCall rc = data.as(user, () -> rollCalls.start(post.id(), "Drill by " + role, null, null, null));
            String warden = data.user(Role.WARDEN, Classification.UNCLASSIFIED, post);
            assertThatThrownBy(() -> data.as(warden, () -> rollCalls.close(post.id(), rc.id())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(data.as(user, () -> rollCalls.close(post.id(), rc.id())).open())
                    .isFalse();
        }
    }

    @Test
    void closingFreezesTheResultAndRefusesEveryLaterCheckIn() {
        Post post = data.post();
        List<Long> ids = people(post, Category.US_DIRECT_HIRE, "Chancery", 4);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        String gate = data.user(Role.GATE, Classification.UNCLASSIFIED, post);
        RollCall rc = data.as(rso, () -> rollCalls.start(post.id(), "Evening muster", null, null, null));
        data.as(
                gate,
                () -> checkIns.checkIn(
                        post.id(), rc.id(), checkIn(ids.get(0), CheckInStatus.SAFE, CheckInChannel.GATE)));
        data.as(
                gate,
                () -> checkIns.checkIn(
                        post.id(), rc.id(), checkIn(ids.get(1), CheckInStatus.NEEDS_HELP, CheckInChannel.GATE)));

        RollCall closed = data.as(rso, () -> rollCalls.close(post.id(), rc.id()));
        String result = frozenResult(rc);
        long rows = scenes.checkIns(rc);
        SignedInClient gateClient = signedIn(gate);
        var single = gateClient.postJson(
                api(post) + "/" + rc.id() + "/check-ins",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":" + ids.get(2) + ",\"status\":\"SAFE\"}");
        var batch = gateClient.postJson(
                api(post) + "/" + rc.id() + "/check-ins/batch",
                "{\"checkIns\":[{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":" + ids.get(3)
                        + ",\"status\":\"SAFE\"}]}");
        var closeAgain = signedIn(rso).postJson(api(post) + "/" + rc.id() + "/close", "{}");
        RollCallProgress progress = data.as(rso, () -> rollCalls.progress(post.id(), rc.id()));

        assertThat(closed.open()).isFalse();
        assertThat(closed.closedBy()).isEqualTo(rso);
        assertThat(closed.accounted()).isEqualTo(2);
        assertThat(single.statusCode()).isEqualTo(409);
        assertThat(single.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(single.body()).contains("closed");
        assertThat(batch.statusCode()).isEqualTo(409);
        assertThat(closeAgain.statusCode()).isEqualTo(409);
        assertThat(scenes.checkIns(rc)).isEqualTo(rows);
        assertThat(frozenResult(rc)).isEqualTo(result);
        assertThat(progress.frozen()).isTrue();
        assertThat(progress.figures().members()).isEqualTo(4);
        assertThat(progress.figures().accounted()).isEqualTo(2);
        assertThat(progress.figures().count(CheckInStatus.NEEDS_HELP)).isEqualTo(1);
        assertThat(progress.figures().chiefOfMissionPercent()).isEqualTo(50.0);
        assertThat(json.readTree(result).path("accounted").asLong()).isEqualTo(2);
    }

    @Test
    void selfReportsAndReportsByOthersAreCountedApartAndAnOfficersAnswerKeepsItsHistory() {
        Post post = data.post();
        List<Long> ids = people(post, Category.LOCALLY_EMPLOYED_STAFF, "Annex", 3);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        String gate = data.user(Role.GATE, Classification.UNCLASSIFIED, post);
        RollCall rc = data.as(rso, () -> rollCalls.start(post.id(), "Drill", null, null, null));
        data.as(
                gate,
                () -> checkIns.checkIn(
                        post.id(), rc.id(), checkIn(ids.get(0), CheckInStatus.SAFE, CheckInChannel.SELF)));
        data.as(
                gate,
                () -> checkIns.checkIn(
                        post.id(), rc.id(), checkIn(ids.get(1), CheckInStatus.SAFE, CheckInChannel.GATE)));
        SignedInClient officer = signedIn(rso);
        String memberPage = "/roll-calls/" + rc.id() + "/members/" + ids.get(2);

        var answered = officer.postForm(
                memberPage,
                Map.of(
                        "status",
                        "NEEDS_HELP",
                        "channel",
                        "OFFICER",
                        "checkInId",
                        UUID.randomUUID().toString()));
        RollCallFigures before =
                data.as(rso, () -> rollCalls.progress(post.id(), rc.id())).figures();
        officer.postForm(
                "/roll-calls/" + rc.id() + "/members/" + ids.get(0),
                Map.of(
                        "status",
                        "NOT_AT_POST",
                        "channel",
                        "OFFICER",
                        "checkInId",
                        UUID.randomUUID().toString()));
        RollCallFigures after =
                data.as(rso, () -> rollCalls.progress(post.id(), rc.id())).figures();
        JsonNode history =
                json.readTree(officer.getJson(api(post) + "/" + rc.id() + "/members/" + ids.get(0) + "/history")
                        .body());

        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(before.selfReported()).isEqualTo(1);
        assertThat(before.reportedByOthers()).isEqualTo(2);
        assertThat(before.count(CheckInStatus.NEEDS_HELP)).isEqualTo(1);
        assertThat(after.selfReported()).isZero();
        assertThat(after.reportedByOthers()).isEqualTo(3);
        assertThat(history.path("member").path("status").asString()).isEqualTo("NOT_AT_POST");
        assertThat(history.path("checkIns").size()).isEqualTo(2);
        assertThat(history.path("checkIns").get(0).path("channel").asString()).isEqualTo("SELF");
        assertThat(history.path("checkIns").get(0).path("reportedBy").asString())
                .isEqualTo(gate);
        assertThat(history.path("checkIns").get(1).path("channel").asString()).isEqualTo("OFFICER");
        assertThat(history.path("checkIns").get(1).path("reportedBy").asString())
                .isEqualTo(rso);
        assertThat(history.path("checkIns").get(1).path("reportedAt").asString())
                .isNotBlank();
        assertThat(officer.get(memberPage).body()).contains("Needs help").contains(rso);
        assertThat(count("select count(*) from audit_entry where post_id = ? and action = 'roll-call.answered'", post))
                .isEqualTo(2);
    }

    @Test
    void theLivePageShowsProgressTheUnaccountedWithTheirContactsAndFilters() {
        Post post = data.post();
        registry.addAll(post.id(), RollCallPeople.ALL.subList(0, 3), "a test");
        long lee = personId(post, "Lee");
        long karimi = personId(post, "Karimi");
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("insert into contact_point (person_id, kind, value, last_verified) values (?, 'PHONE', ?, ?),"
                        + " (?, 'EMAIL', ?, null)")
                .params(lee, "+93 700 111 222", today.minusDays(10), lee, "ann.lee@example.org")
                .update();
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        RollCall rc = data.as(rso, () -> rollCalls.start(post.id(), "Night muster", null, null, null));
        data.as(
                rso,
                () -> checkIns.checkIn(
                        post.id(), rc.id(), checkIn(karimi, CheckInStatus.SAFE, CheckInChannel.OFFICER)));
        SignedInClient client = signedIn(rso);

        String page = client.get("/roll-calls/" + rc.id()).body();
        String byName = client.get("/roll-calls/" + rc.id() + "?name=saf").body();
        String safe = client.get("/roll-calls/" + rc.id() + "?status=SAFE").body();
        String fragment = client.get("/roll-calls/" + rc.id() + "/progress").body();

        assertThat(page)
                .contains("id=\"accounted-percent\"")
                .contains("data-percent=\"33.3\"")
                .contains("33.3 %")
                .contains("Lee, Ann")
                .contains("Safi, Omid")
                .doesNotContain("Karimi, Roya")
                .contains("+93 700 111 222")
                .contains("ann.lee@example.org")
                .contains("data-chart=")
                .contains("chart.umd.min.js")
                .contains("rollcall.css");
        assertThat(page.split("data-testid=\"stale\"", -1))
                .as("only the unverified email is stale")
                .hasSize(2);
        assertThat(byName).contains("Safi, Omid").doesNotContain("Lee, Ann");
        assertThat(safe).contains("Karimi, Roya").doesNotContain("Safi, Omid");
        assertThat(fragment)
                .startsWith("<section")
                .contains("hx-trigger=\"every 5s\"")
                .doesNotContain("<html");
        assertThat(client.get("/roll-calls").body()).contains("Night muster").contains("href=\"/roll-calls\"");
    }

    @Test
    void theLivePagesListFetchesItselfAgainWithItsFilterAndShowsWhoIsStillUnaccounted() {
        Post post = data.post();
        registry.addAll(post.id(), RollCallPeople.ALL.subList(0, 3), "a test");
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        RollCall rc = data.as(rso, () -> rollCalls.start(post.id(), "Night muster", null, null, null));
        SignedInClient client = signedIn(rso);
        String annex = "/roll-calls/" + rc.id() + "/members?status=UNKNOWN&category=&location=Annex&name=&page=0";

        String page = client.get("/roll-calls/" + rc.id() + "?location=Annex").body();
        String before = client.get(annex).body();
        data.as(
                rso,
                () -> checkIns.checkIn(
                        post.id(),
                        rc.id(),
                        checkIn(personId(post, "Safi"), CheckInStatus.SAFE, CheckInChannel.OFFICER)));
        String after = client.get(annex).body();
        String beyond = client.get(annex.replace("page=0", "page=3")).body();

        assertThat(page)
                .contains("id=\"rollcall-people\"")
                .contains("hx-get=\"" + annex.replace("&", "&amp;") + "\"")
                .contains("hx-trigger=\"every 10s\"")
                .contains("id=\"rollcall-live\"");
        assertThat(before)
                .startsWith("<div id=\"rollcall-people\"")
                .doesNotContain("<html")
                .contains("Safi, Omid")
                .contains("Karimi, Roya")
                .doesNotContain("Lee, Ann")
                .contains("name=\"checkInId\"");
        assertThat(after).doesNotContain("Safi, Omid").contains("Karimi, Roya");
        assertThat(after.replaceAll("\\s+", " ")).contains("<strong>1</strong> <span>person matches</span>");
        assertThat(after).doesNotContain("none-unaccounted");
        assertThat(client.get(annex.replace("location=Annex", "location=Nowhere"))
                        .body())
                .contains("No one matching this filter is unaccounted for.");
        assertThat(beyond)
                .contains("No one matching is left on this page.")
                .contains("href=\"/roll-calls/" + rc.id()
                        + "?status=UNKNOWN&amp;category=&amp;location=Annex&amp;name=\"");

        data.as(rso, () -> rollCalls.close(post.id(), rc.id()));
        String closed = client.get("/roll-calls/" + rc.id()).body();
        assertThat(closed)
                .contains("id=\"rollcall-people\"")
                .doesNotContain("hx-trigger=\"every 10s\"")
                .doesNotContain("id=\"rollcall-live\"");
    }

    @Test
    void anApiWriteFromAClientThatTakesNoJsonIsRefusedWith406BeforeAnythingIsWritten() {
        Post post = data.post();
        List<Long> ids = people(post, Category.US_DIRECT_HIRE, "Chancery", 2);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        RollCall rc = data.as(rso, () -> rollCalls.start(post.id(), "Night muster", null, null, null));
        SignedInClient client = signedIn(rso);
        String batch = "{\"checkIns\":[" + CheckInScenes.item(ids.get(0), "SAFE", "OFFICER") + "]}";

        var startAsXml = client.postJson(api(post), "{\"title\":\"Drill\"}", "application/xml");
        var batchAsCsv = client.postJson(api(post) + "/" + rc.id() + "/check-ins/batch", batch, "text/csv");
        var unparsable = client.postJson(api(post) + "/" + rc.id() + "/check-ins/batch", batch, "not a type");
        var closeAsHtml = client.postJson(api(post) + "/" + rc.id() + "/close", "{}", "text/html");
        var jsonRefused = client.postJson(
                api(post) + "/" + rc.id() + "/check-ins",
                CheckInScenes.item(ids.get(0), "SAFE", "OFFICER"),
                "application/json;q=0, text/html");
        long rollCallsAfterRefusals = jdbc.sql("select count(*) from roll_call where post_id = ?")
                .param(post.id())
                .query(Long.class)
                .single();
        long checkInsAfterRefusals = jdbc.sql("select count(*) from check_in where roll_call_id = ?")
                .param(rc.id())
                .query(Long.class)
                .single();
        var problemOnly = client.postJson(api(post), "{\"targetMinutes\":30}", "application/problem+json");
        var browserLike = client.postJson(
                api(post) + "/" + rc.id() + "/check-ins",
                CheckInScenes.item(ids.get(1), "SAFE", "OFFICER"),
                "text/html, */*;q=0.1");
        var anyJson = client.postJson(
                api(post) + "/" + rc.id() + "/check-ins",
                CheckInScenes.item(ids.get(0), "SAFE", "OFFICER"),
                "application/xml, application/*+json");
        var anything = client.postJson(api(post), "{\"title\":\"Second drill\"}", "*/*");

        for (var refused : List.of(startAsXml, batchAsCsv, unparsable, closeAsHtml, jsonRefused)) {
            assertThat(refused.statusCode()).as(refused.uri().toString()).isEqualTo(406);
        }
        assertThat(rollCallsAfterRefusals).isEqualTo(1);
        assertThat(checkInsAfterRefusals).isZero();
        assertThat(data.as(rso, () -> rollCalls.get(post.id(), rc.id())).open()).isTrue();
        assertThat(problemOnly.statusCode()).isEqualTo(400);
        assertThat(problemOnly.body()).contains("title");
        assertThat(browserLike.statusCode()).as(browserLike.body()).isEqualTo(201);
        assertThat(anyJson.statusCode()).as(anyJson.body()).isEqualTo(201);
        assertThat(anything.statusCode()).as(anything.body()).isEqualTo(201);
    }

    @Test
    void theListOfRollCallsIsPagedNewestFirst() {
        Post post = data.post();
        people(post, Category.US_DIRECT_HIRE, "Chancery", 1);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        for (int i = 0; i < RollCalls.PAGE_SIZE + 1; i++) {
            String title = "Drill " + i;
            data.as(rso, () -> rollCalls.start(post.id(), title, null, null, null));
        }
        SignedInClient client = signedIn(rso);

        String first = client.get("/roll-calls").body();
        Pagination firstNav = Pagination.of(first);
        String second = client.get(firstNav.next()).body();

        assertThat(firstNav)
                .isEqualTo(new Pagination("Pages of roll-calls", null, null, "1", "/roll-calls?page=1", "Older"));
        assertThat(first).contains("Drill 20<").doesNotContain("Drill 0<");
        assertThat(Pagination.of(second))
                .isEqualTo(new Pagination("Pages of roll-calls", "/roll-calls?page=0", "Newer", "2", null, null));
        assertThat(second).contains("Drill 0<").doesNotContain("Drill 20<");
    }

    @Test
    void theLivePageIsPagedKeepingTheFilterInForce() {
        Post post = data.post();
        people(post, Category.US_DIRECT_HIRE, "Annex", RollCallMembers.PAGE_SIZE + 1);
        people(post, Category.US_DIRECT_HIRE, "Chancery", 1);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        RollCall rc = data.as(rso, () -> rollCalls.start(post.id(), "Night muster", null, null, null));
        SignedInClient client = signedIn(rso);
        String base = "/roll-calls/" + rc.id() + "?status=UNKNOWN&category=&location=Annex&name=";

        Pagination first = Pagination.of(
                client.get("/roll-calls/" + rc.id() + "?location=Annex").body());
        String second = client.get(first.next()).body();

        assertThat(first).isEqualTo(new Pagination("Pages of people", null, null, "1", base + "&page=1", "Next"));
        assertThat(Pagination.of(second))
                .isEqualTo(new Pagination("Pages of people", base + "&page=0", "Previous", "2", null, null));
        assertThat(second.split("class=\"rollcall-member\"", -1))
                .as("one person on the second page")
                .hasSize(2);
    }

    @Test
    void theApiStartsListsReportsProgressAndCloses() throws Exception {
        Post post = data.post();
        people(post, Category.US_DIRECT_HIRE, "Chancery", 2);
        people(post, Category.PRIVATE_US_CITIZEN, "City", 2);
        SignedInClient client = signedIn(data.user(Role.MANAGEMENT, Classification.UNCLASSIFIED, post));

        var started = client.postJson(
                api(post),
                "{\"title\":\"API drill\",\"scope\":{\"categories\":[\"US_DIRECT_HIRE\"]},\"targetPercent\":90,"
                        + "\"targetMinutes\":30}");
        JsonNode body = json.readTree(started.body());
        long id = body.path("id").asLong();
        JsonNode progress = json.readTree(client.getJson(api(post) + "/" + id).body());
        JsonNode members = json.readTree(
                client.getJson(api(post) + "/" + id + "/members?status=UNKNOWN").body());
        JsonNode closed = json.readTree(
                client.postJson(api(post) + "/" + id + "/close", "{}").body());

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(started.headers().firstValue("Location")).hasValue(api(post) + "/" + id);
        assertThat(body.path("members").asLong()).isEqualTo(2);
        assertThat(body.path("open").asBoolean()).isTrue();
        assertThat(body.path("scope").path("categories").get(0).asString()).isEqualTo("US_DIRECT_HIRE");
        assertThat(client.getJson(api(post)).body()).contains("API drill");
        assertThat(progress.path("figures").path("members").asLong()).isEqualTo(2);
        assertThat(progress.path("figures").path("accountedPercent").asDouble()).isZero();
        assertThat(progress.path("rollCall").path("targetPercent").asInt()).isEqualTo(90);
        assertThat(progress.has("targetPercentNow")).isTrue();
        assertThat(members.path("total").asLong()).isEqualTo(2);
        assertThat(members.path("items").get(0).path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(closed.path("frozen").asBoolean()).isTrue();
        assertThat(client.getJson(api(post) + "/999999999").statusCode()).isEqualTo(404);
    }

    CheckIn checkIn(long personId, CheckInStatus status, CheckInChannel channel) {
        return new CheckIn(UUID.randomUUID(), personId, status, channel, null, null);
    }

    List<Long> people(Post post, Category category, String location, int n) {
        String family = "P" + UUID.randomUUID().toString().substring(0, 8);
        registry.addAll(
                post.id(),
                IntStream.range(0, n)
                        .mapToObj(i -> new NewPerson("G" + i, family, category, null, null, null, location))
                        .toList(),
                "a test");
        return jdbc.sql("select id from person where post_id = ? and family_name = ? order by id")
                .params(post.id(), family)
                .query(Long.class)
                .list();
    }

    long personId(Post post, String familyName) {
        return jdbc.sql("select id from person where post_id = ? and family_name = ?")
                .params(post.id(), familyName)
                .query(Long.class)
                .single();
    }

    long count(String sql, Post post) {
        return jdbc.sql(sql).param(post.id()).query(Long.class).single();
    }

    String frozenResult(RollCall rc) {
        return jdbc.sql("select result::text from roll_call where id = ?")
                .param(rc.id())
                .query(String.class)
                .single();
    }

    static String api(Post post) {
        return "/api/v1/posts/" + post.code() + "/roll-calls";
    }

    SignedInClient signedIn(String username) {
        SignedInClient client = new SignedInClient("http://localhost:" + port);
        client.signIn(username, TestData.PASSWORD);
        return client;
    }
}
