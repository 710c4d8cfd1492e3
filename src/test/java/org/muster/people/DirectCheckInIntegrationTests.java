package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
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

/**
 * A single check-in sent with an API token is answered directly, ahead of Spring Security's chain and
 * Spring MVC ({@code CheckInRoute}); everything it does not answer goes the ordinary way. What must
 * hold: the direct answers are the ordinary ones (status, body, security headers), every refusal is
 * the controller's problem with nothing written, and the direct path is really the one taken.
 */
@MusterIntegrationTest
class DirectCheckInIntegrationTests {
    /** Headers of the transport and the body, not of the security policy. */
    private static final Set<String> TRANSPORT =
            Set.of("content-length", "content-type", "date", "transfer-encoding", "connection", "keep-alive");

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
    ApiTokens tokens;

    @Autowired
    WardenAssignments wardens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CheckInScenes scenes;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    /** A post of people in two compounds, a roll-call of all, a gate's session and token, an RSO. */
    record Scene(
            Post post,
            List<Long> people,
            long stranger,
            RollCall rollCall,
            String rso,
            String gate,
            SignedInClient session,
            String token) {
        String url() {
            return "/api/v1/posts/" + post.code() + "/roll-calls/" + rollCall.id() + "/check-ins";
        }
    }

    Scene scene(int people) {
        Post post = data.post();
        List<Long> ids = scenes.people(post, people, i -> i % 2 == 0 ? "Compound A" : "Compound B");
        long stranger = scenes.stranger();
        String rso = scenes.securityOfficer(post);
        RollCall rc = scenes.rollCall(post, rso);
        String gate = data.user(Role.GATE, Classification.UNCLASSIFIED, post);
        SignedInClient session = new SignedInClient("http://localhost:" + port);
        session.signIn(gate, TestData.PASSWORD);
        String token = tokens.create(accounts.idOf(gate).orElseThrow(), "gate tablet");
        return new Scene(post, ids, stranger, rc, rso, gate, session, token);
    }

    @Test
    void aCheckInWithATokenIsAnsweredDirectlyAsTheControllerAnswersIt() throws Exception {
        Scene s = scene(3);
        double answered = count("answered");
        double declined = count("declined");
        String body = CheckInScenes.item(s.people().get(0), "SAFE")
                .replace("}", ",\"channel\":\"GATE\",\"note\":\"gate 2\"}");

        var direct = withToken(s, s.token(), body);
        var retried = withToken(s, s.token(), body);
        var ordinary = s.session()
                .postJson(
                        s.url(),
                        CheckInScenes.item(s.people().get(1), "SAFE")
                                .replace("}", ",\"channel\":\"GATE\",\"note\":\"gate 2\"}"));

        assertThat(count("answered") - answered).isEqualTo(2);
        assertThat(count("declined") - declined).isZero();
        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(201);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(direct.body());
        assertThat(ordinary.statusCode()).as(ordinary.body()).isEqualTo(201);
        assertThat(direct.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode d = json.readTree(direct.body());
        JsonNode o = json.readTree(ordinary.body());
        assertThat(names(d)).isEqualTo(names(o));
        for (String same : List.of("rollCallId", "status", "channel", "reportedBy", "note")) {
            assertThat(d.path(same)).as(same).isEqualTo(o.path(same));
        }
        assertThat(d.path("personId").asLong()).isEqualTo(s.people().get(0));
        assertThat(jdbc.sql("select status || ' ' || channel || ' ' || reported_by from roll_call_member"
                                + " where roll_call_id = ? and person_id = ?")
                        .params(s.rollCall().id(), s.people().get(0))
                        .query(String.class)
                        .single())
                .isEqualTo("SAFE GATE " + s.gate());
        assertThat(scenes.checkIns(s.rollCall())).isEqualTo(2);
    }

    @Test
    void theDirectAnswerCarriesTheSecurityHeadersOfTheApiChain() throws Exception {
        Scene s = scene(1);

        var direct = withToken(s, s.token(), CheckInScenes.item(s.people().get(0), "SAFE"));
        var ordinary = withToken(s, s.token(), CheckInScenes.item(s.people().get(0), "FINE"));

        assertThat(direct.statusCode()).isEqualTo(201);
        assertThat(ordinary.statusCode()).isEqualTo(400);
        assertThat(policy(direct.headers())).isEqualTo(policy(ordinary.headers()));
        assertThat(policy(direct.headers()))
                .containsKeys("content-security-policy", "x-content-type-options", "x-frame-options", "cache-control");
        assertThat(direct.headers().map()).doesNotContainKey("set-cookie");
    }

    @Test
    void everyRefusalIsTheControllersProblemAndWritesNothing() throws Exception {
        Scene s = scene(4);
        long person = s.people().get(0);
        String used = UUID.randomUUID().toString();
        withToken(
                s,
                s.token(),
                "{\"id\":\"" + used + "\",\"personId\":" + s.people().get(1) + ",\"status\":\"SAFE\"}");
        long before = scenes.checkIns(s.rollCall());
        double declined = count("declined");
        double answered = count("answered");
        Map<String, String> bodies = new TreeMap<>(Map.of(
                "unknown status",
                CheckInScenes.item(person, "FINE"),
                "missing id",
                "{\"personId\":" + person + ",\"status\":\"SAFE\"}",
                "wrong type",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"personId\":\"abc\",\"status\":\"SAFE\"}",
                "not JSON",
                "status=SAFE",
                "not in the roll-call",
                CheckInScenes.item(s.stranger(), "SAFE"),
                "channel not the gate's",
                CheckInScenes.item(person, "SAFE", "OFFICER"),
                "id used for another person",
                "{\"id\":\"" + used + "\",\"personId\":" + person + ",\"status\":\"SAFE\"}",
                "note too long",
                CheckInScenes.item(person, "SAFE").replace("}", ",\"note\":\"" + "n".repeat(501) + "\"}")));

        for (var c : bodies.entrySet()) {
            var viaToken = withToken(s, s.token(), c.getValue());
            var viaSession = s.session().postJson(s.url(), c.getValue());
            assertThat(viaToken.statusCode())
                    .as(c.getKey() + ": " + viaToken.body())
                    .isBetween(400, 499);
            assertThat(viaToken.statusCode()).as(c.getKey()).isEqualTo(viaSession.statusCode());
            assertThat(viaToken.body()).as(c.getKey()).isEqualTo(viaSession.body());
            assertThat(viaToken.headers().firstValue("Content-Type"))
                    .as(c.getKey())
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        var unknownPost = withToken(
                s,
                s.token(),
                "/api/v1/posts/ZZZZ/roll-calls/" + s.rollCall().id() + "/check-ins",
                CheckInScenes.item(person, "SAFE"));
        var unknownRollCall = withToken(
                s,
                s.token(),
                "/api/v1/posts/" + s.post().code() + "/roll-calls/999999999/check-ins",
                CheckInScenes.item(person, "SAFE"));
        var badToken = withToken(s, "mst_not-a-token", CheckInScenes.item(person, "SAFE"));

        assertThat(unknownPost.statusCode()).as(unknownPost.body()).isEqualTo(404);
        assertThat(unknownRollCall.statusCode()).as(unknownRollCall.body()).isEqualTo(404);
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(badToken.body()).contains("The API token is unknown, expired or revoked.");
        assertThat(count("declined") - declined).isEqualTo(bodies.size() + 3);
        assertThat(count("answered") - answered).isZero();
        assertThat(scenes.checkIns(s.rollCall())).isEqualTo(before);
        assertThat(scenes.statuses(s.rollCall())).isEqualTo("UNKNOWN,SAFE,UNKNOWN,UNKNOWN");
    }

    @Test
    void aBodyThatIsNotJsonOrAClientThatTakesNoJsonGetsWhatTheControllerGives() throws Exception {
        Scene s = scene(1);
        double answered = count("answered");

        var asText = send(
                s, s.token(), "text/plain", null, CheckInScenes.item(s.people().get(0), "SAFE"));
        var noType =
                send(s, s.token(), null, null, CheckInScenes.item(s.people().get(0), "SAFE"));
        var wantsXml = send(
                s,
                s.token(),
                "application/json",
                "application/xml",
                CheckInScenes.item(s.people().get(0), "SAFE"));
        var wantsAnything = send(
                s,
                s.token(),
                "application/json; charset=UTF-8",
                "*/*",
                CheckInScenes.item(s.people().get(0), "SAFE"));

        assertThat(asText.statusCode()).isEqualTo(415);
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(wantsXml.statusCode()).isEqualTo(406);
        assertThat(wantsAnything.statusCode()).as(wantsAnything.body()).isEqualTo(201);
        // only the last came the direct way; the one refused with 406 was refused before the controller ran
        assertThat(count("answered") - answered).isEqualTo(1);
        assertThat(scenes.checkIns(s.rollCall())).isEqualTo(1);
    }

    @Test
    void aPathWithMoreThanLettersDigitsAndDashesGoesThroughTheFirewall() throws Exception {
        Scene s = scene(1);
        double answered = count("answered");
        String rollCalls = "/api/v1/posts/" + s.post().code() + "/roll-calls/";

        var matrix = withToken(
                s,
                s.token(),
                rollCalls + s.rollCall().id() + ";x=1/check-ins",
                CheckInScenes.item(s.people().get(0), "SAFE"));
        var doubled = withToken(
                s,
                s.token(),
                rollCalls + "/" + s.rollCall().id() + "/check-ins",
                CheckInScenes.item(s.people().get(0), "SAFE"));
        var encoded = withToken(
                s,
                s.token(),
                rollCalls + "%32" + s.rollCall().id() + "/check-ins",
                CheckInScenes.item(s.people().get(0), "SAFE"));

        // Spring Security's firewall refuses the first two (a semicolon, a double slash)
        assertThat(matrix.statusCode()).as(matrix.body()).isBetween(400, 499);
        assertThat(doubled.statusCode()).as(doubled.body()).isBetween(400, 499);
        assertThat(encoded.statusCode()).as(encoded.body()).isBetween(400, 499);
        assertThat(count("answered") - answered).isZero();
        assertThat(scenes.statuses(s.rollCall())).isEqualTo("UNKNOWN");
    }

    @Test
    void aClosedRollCallAndAWardensOtherCompoundAreRefusedAsUsual() throws Exception {
        Scene s = scene(4);
        String warden = data.user(Role.WARDEN, Classification.UNCLASSIFIED, s.post());
        String wardenToken = tokens.create(accounts.idOf(warden).orElseThrow(), "warden phone");
        data.as(
                s.rso(),
                () -> wardens.assign(s.post().id(), accounts.idOf(warden).orElseThrow(), List.of("Compound A")));

        var inA = withToken(s, wardenToken, CheckInScenes.item(s.people().get(0), "SAFE", "WARDEN"));
        var inB = withToken(s, wardenToken, CheckInScenes.item(s.people().get(1), "SAFE", "WARDEN"));
        data.as(s.rso(), () -> rollCalls.close(s.post().id(), s.rollCall().id()));
        var afterClose = withToken(s, s.token(), CheckInScenes.item(s.people().get(2), "SAFE"));

        assertThat(inA.statusCode()).as(inA.body()).isEqualTo(201);
        assertThat(inB.statusCode()).as(inB.body()).isEqualTo(403);
        assertThat(inB.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(afterClose.statusCode()).as(afterClose.body()).isEqualTo(409);
        assertThat(scenes.statuses(s.rollCall())).isEqualTo("SAFE,UNKNOWN,UNKNOWN,UNKNOWN");
    }

    @Test
    void aLargeBodyInChunksIsReplayedWholeToTheOrdinaryPath() throws Exception {
        Scene s = scene(1);
        // no Content-Length: the filter reads past its limit before it knows, then hands on every byte
        String padded = CheckInScenes.item(s.people().get(0), "SAFE").replace("{", "{" + " ".repeat(40_000));
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + s.url()))
                        .header("Authorization", "Bearer " + s.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(padded.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(scenes.statuses(s.rollCall())).isEqualTo("SAFE");
    }

    HttpResponse<String> withToken(Scene s, String token, String body) throws Exception {
        return withToken(s, token, s.url(), body);
    }

    HttpResponse<String> withToken(Scene s, String token, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(Scene s, String token, String contentType, String accept, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + s.url()))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    double count(String outcome) {
        Timer timer = meters.find("muster.api.direct").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    static Set<String> names(JsonNode node) {
        return new java.util.TreeSet<>(node.propertyNames());
    }

    static Map<String, List<String>> policy(HttpHeaders headers) {
        Map<String, List<String>> policy = new TreeMap<>();
        headers.map().forEach((name, values) -> {
            if (!TRANSPORT.contains(name.toLowerCase())) {
                policy.put(name.toLowerCase(), values);
            }
        });
        return policy;
    }
}
