package org.muster.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muster.SignedInClient;
import org.muster.TestData;
import org.muster.people.Category;
import org.muster.posts.Post;
import org.muster.security.NewUser;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.json.JsonMapper;

/** Who may request, approve and refuse a posture, and what an approval changes. */
@PostureIntegrationTest
@RecordApplicationEvents
class PostureApprovalIntegrationTests {
    static final Subset MINORS = new Subset(Set.of(Category.ELIGIBLE_FAMILY_MEMBER), 18);

    @LocalServerPort
    int port;

    @Autowired
    PostureFixture fixture;

    @Autowired
    TestData data;

    @Autowired
    Postures postures;

    @Autowired
    Crises crises;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JsonMapper json;

    @Test
    void theConfiguredApproverApprovesAndThePostureChanges() {
        var s = fixture.scene();
        PostureRequest request = fixture.as(
                s.com(),
                () -> postures.request(
                        s.post().id(), Posture.ORDERED_DEPARTURE, MINORS, "Schools closed; road to airport at risk"));

        assertThat(request.pending()).isTrue();
        assertThat(fixture.as(
                        s.approver(), () -> postures.pending(List.of(s.post().id()))))
                .extracting(PostureRequest::id)
                .containsExactly(request.id());
        assertThat(events.stream(PostureRequested.class).filter(e -> e.requestId() == request.id()))
                .singleElement()
                .satisfies(e -> assertThat(e.subset()).isEqualTo(MINORS));

        PostureRequest approved =
                fixture.as(s.approver(), () -> postures.approve(request.id(), "Committee's recommendation accepted"));

        assertThat(approved.status()).isEqualTo(PostureRequest.Status.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(s.approver());
        assertThat(approved.reason()).isEqualTo("Committee's recommendation accepted");
        PostureStatus now =
                fixture.as(s.committee(), () -> postures.current(s.post().id()));
        assertThat(now.posture()).isEqualTo(Posture.ORDERED_DEPARTURE);
        assertThat(now.subset()).isEqualTo(MINORS);
        assertThat(now.describe()).isEqualTo("Ordered departure (Eligible family member, under 18)");
        assertThat(now.approvedBy()).isEqualTo(s.approver());
        assertThat(events.stream(PostureChanged.class).filter(e -> e.requestId() == request.id()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.previous()).isEqualTo(Posture.NORMAL);
                    assertThat(e.posture()).isEqualTo(Posture.ORDERED_DEPARTURE);
                });
        assertThat(fixture.as(
                        s.approver(), () -> postures.pending(List.of(s.post().id()))))
                .isEmpty();
        assertThat(audits(s.post(), "posture.requested")).isEqualTo(1);
        assertThat(audits(s.post(), "posture.approved")).isEqualTo(1);
    }

    @Test
    void aCommitteeMemberIsRefusedAndNothingChanges() {
        var s = fixture.scene();
        long id = requestOrderedDeparture(s);

        assertThatThrownBy(() -> fixture.as(s.committee(), () -> postures.approve(id, "The committee agrees")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("committee only recommends");
        assertThatThrownBy(() -> fixture.as(s.committee(), () -> postures.refuse(id, "The committee disagrees")))
                .isInstanceOf(AccessDeniedException.class);

        assertNothingDecided(s, id);
    }

    @Test
    void anApprovingAuthorityWhoIsNotTheConfiguredApproverIsRefused() {
        var s = fixture.scene();
        String otherApprover = data.user(Role.APPROVING_AUTHORITY, Classification.SECRET, s.post());
        long id = requestOrderedDeparture(s);

        assertThatThrownBy(() -> fixture.as(otherApprover, () -> postures.approve(id, "Approved")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("configured for this crisis");
        assertThatThrownBy(() -> fixture.as(otherApprover, () -> postures.refuse(id, "Refused")))
                .isInstanceOf(AccessDeniedException.class);

        assertNothingDecided(s, id);
    }

    @Test
    void theChiefOfMissionCannotApproveTheirOwnRequestEvenAsTheConfiguredApprover() {
        Post post = data.post();
        String comApprover = "com-approver-" + post.code().toLowerCase();
        accounts.create(new NewUser(
                comApprover,
                "Chief and approver",
                TestData.PASSWORD,
                Set.of(Role.CHIEF_OF_MISSION, Role.APPROVING_AUTHORITY),
                Classification.SECRET,
                Set.of(post.id()),
                false));
        String plainCom = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        fixture.as(comApprover, () -> crises.open(post.id(), "Unrest", comApprover, comApprover));
        long own = fixture.as(
                        comApprover,
                        () -> postures.request(post.id(), Posture.AUTHORIZED_DEPARTURE, null, "Unrest spreading"))
                .id();

        assertThatThrownBy(() -> fixture.as(comApprover, () -> postures.approve(own, "I agree with myself")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("made yourself");
        assertThatThrownBy(() -> fixture.as(plainCom, () -> postures.approve(own, "Approved")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.as(plainCom, () -> postures.current(post.id())).posture())
                .isEqualTo(Posture.NORMAL);
        assertThat(audits(post, "posture.approved")).isZero();
    }

    @Test
    void aNonMemberIsRefusedEvenHoldingTheApprovingAuthorityRole() {
        var s = fixture.scene();
        Post elsewhere = data.post();
        String outsider = data.user(Role.APPROVING_AUTHORITY, Classification.SECRET, elsewhere);
        long id = requestOrderedDeparture(s);

        assertThatThrownBy(() -> fixture.as(outsider, () -> postures.approve(id, "Approved")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        fixture.as(outsider, () -> postures.current(s.post().id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.as(outsider, () -> postures.pending(List.of(s.post().id()))))
                .isEmpty();
        assertNothingDecided(s, id);
    }

    @Test
    void onlyTheChiefOfMissionRequestsAndOnlyWithAJustification() {
        var s = fixture.scene();

        assertThatThrownBy(() -> fixture.as(
                        s.committee(),
                        () -> postures.request(s.post().id(), Posture.ORDERED_DEPARTURE, null, "We recommend it")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.as(
                        s.approver(),
                        () -> postures.request(s.post().id(), Posture.ORDERED_DEPARTURE, null, "Washington wants it")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.as(
                        s.com(), () -> postures.request(s.post().id(), Posture.ORDERED_DEPARTURE, null, "  ")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("justification:");
        assertThatThrownBy(() ->
                        fixture.as(s.com(), () -> postures.request(s.post().id(), Posture.SUSPENSION, MINORS, "Close")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("subset:");
        assertThatThrownBy(() ->
                        fixture.as(s.com(), () -> postures.request(s.post().id(), Posture.NORMAL, null, "All is well")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already in force");
        assertThat(fixture.count(
                        "select count(*) from posture_request where post_id = ?",
                        s.post().id()))
                .isZero();

        requestOrderedDeparture(s);
        assertThatThrownBy(() -> fixture.as(
                        s.com(),
                        () -> postures.request(s.post().id(), Posture.AUTHORIZED_DEPARTURE, null, "Or at least AD")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("still pending");
    }

    @Test
    void aRefusalIsRecordedWithItsReasonAndLeavesThePostureAsItWas() {
        var s = fixture.scene();
        long id = requestOrderedDeparture(s);

        assertThatThrownBy(() -> fixture.as(s.approver(), () -> postures.refuse(id, " ")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("reason:");
        PostureRequest refused =
                fixture.as(s.approver(), () -> postures.refuse(id, "Not yet: the airport is open and secure"));

        assertThat(refused.status()).isEqualTo(PostureRequest.Status.REFUSED);
        assertThat(fixture.as(s.com(), () -> postures.current(s.post().id())).posture())
                .isEqualTo(Posture.NORMAL);
        assertThatThrownBy(() -> fixture.as(s.approver(), () -> postures.approve(id, "Changed my mind")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already refused");
        assertThat(audits(s.post(), "posture.refused")).isEqualTo(1);
    }

    @Test
    void theHistoryKeepsEveryRequestAndDecisionNewestFirst() {
        var s = fixture.scene();
        long ad = fixture.as(
                        s.com(), () -> postures.request(s.post().id(), Posture.AUTHORIZED_DEPARTURE, null, "Unrest"))
                .id();
        fixture.as(s.approver(), () -> postures.approve(ad, "Agreed"));
        long od = requestOrderedDeparture(s);
        fixture.as(s.approver(), () -> postures.refuse(od, "Too early"));
        long minors = fixture.as(
                        s.com(),
                        () -> postures.request(s.post().id(), Posture.ORDERED_DEPARTURE, MINORS, "Schools closed"))
                .id();
        fixture.as(s.approver(), () -> postures.approve(minors, "Agreed for minors"));

        List<PostureRequest> history =
                fixture.as(s.committee(), () -> postures.history(s.post().id()));

        assertThat(history).extracting(PostureRequest::id).containsExactly(minors, od, ad);
        assertThat(history)
                .extracting(r -> r.posture().abbreviation() + " " + r.status() + " " + r.reason())
                .containsExactly("OD APPROVED Agreed for minors", "OD REFUSED Too early", "AD APPROVED Agreed");
        PostureStatus now = fixture.as(s.com(), () -> postures.current(s.post().id()));
        assertThat(now.requestId()).isEqualTo(minors);
        assertThat(now.departureSince())
                .as("authorized then ordered departure is one departure run")
                .isEqualTo(history.get(2).decidedAt());
    }

    @Test
    void theApiRefusesACommitteeMemberWith403AndLetsTheApproverDecide() {
        var s = fixture.scene();
        long id = requestOrderedDeparture(s);
        String base = "http://localhost:" + port;
        SignedInClient committee = new SignedInClient(base);
        committee.signIn(s.committee(), TestData.PASSWORD);
        SignedInClient approver = new SignedInClient(base);
        approver.signIn(s.approver(), TestData.PASSWORD);

        var refused = committee.postJson("/api/v1/posture-requests/" + id + "/approve", "{\"reason\":\"We agree\"}");
        var noReason = approver.postJson("/api/v1/posture-requests/" + id + "/approve", "{}");
        assertNothingDecided(s, id);
        var approved = approver.postJson("/api/v1/posture-requests/" + id + "/approve", "{\"reason\":\"Agreed\"}");
        var current = committee.getJson("/api/v1/posts/" + s.post().code() + "/posture");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("\"status\":\"APPROVED\"");
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.body()).contains("\"posture\":\"ORDERED_DEPARTURE\"").contains("\"reviewDueAt\"");
    }

    @Test
    void theChiefOfMissionRequestsThroughTheApi() {
        var s = fixture.scene();
        SignedInClient com = new SignedInClient("http://localhost:" + port);
        com.signIn(s.com(), TestData.PASSWORD);

        var created = com.postJson(
                "/api/v1/posts/" + s.post().code() + "/posture",
                "{\"posture\":\"ORDERED_DEPARTURE\",\"categories\":[\"ELIGIBLE_FAMILY_MEMBER\"],\"underAge\":18,"
                        + "\"justification\":\"Schools closed\"}");
        var badPosture = com.postJson(
                "/api/v1/posts/" + s.post().code() + "/posture", "{\"posture\":\"EVACUATE\",\"justification\":\"x\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"status\":\"PENDING\"").contains("\"underAge\":18");
        assertThat(badPosture.statusCode()).isEqualTo(400);
        assertThat(badPosture.body()).contains("\"field\":\"posture\"");
    }

    @Test
    void theEventsSurviveTheRoundTripThroughTheEventPublicationRegistry() {
        var changed = new PostureChanged(
                1,
                2,
                Posture.NORMAL,
                Posture.ORDERED_DEPARTURE,
                MINORS,
                "approver",
                java.time.Instant.parse("2021-04-27T09:00:00Z"));
        var requested = new PostureRequested(
                1, 2, Posture.SUSPENSION, Subset.EVERYONE, "com", java.time.Instant.parse("2021-08-12T09:00:00Z"));

        assertThat(json.readValue(json.writeValueAsString(changed), PostureChanged.class))
                .isEqualTo(changed);
        assertThat(json.readValue(json.writeValueAsString(requested), PostureRequested.class))
                .isEqualTo(requested);
    }

    private long requestOrderedDeparture(PostureFixture.Scene s) {
        return fixture.as(
                        s.com(),
                        () -> postures.request(
                                s.post().id(), Posture.ORDERED_DEPARTURE, null, "Fighting near the city"))
                .id();
    }

    private void assertNothingDecided(PostureFixture.Scene s, long requestId) {
        PostureRequest r = fixture.as(s.com(), () -> postures.get(requestId));
        assertThat(r.status()).isEqualTo(PostureRequest.Status.PENDING);
        assertThat(r.decidedBy()).isNull();
        assertThat(fixture.as(s.com(), () -> postures.current(s.post().id())).posture())
                .isEqualTo(Posture.NORMAL);
        assertThat(fixture.count(
                        "select count(*) from posture_period where post_id = ?",
                        s.post().id()))
                .isZero();
        assertThat(audits(s.post(), "posture.approved") + audits(s.post(), "posture.refused"))
                .isZero();
        assertThat(events.stream(PostureChanged.class).filter(e -> e.requestId() == requestId))
                .isEmpty();
    }

    private long audits(Post post, String action) {
        return fixture.count("select count(*) from audit_entry where post_id = ? and action = ?", post.id(), action);
    }
}
