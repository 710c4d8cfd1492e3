package org.muster.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.committee.CommitteeTestData.Cast;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Membership, who reads and who decides, and the audit trail of a meeting. */
@MusterIntegrationTest
@RecordApplicationEvents
class CommitteeIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    CommitteeTestData fixture;

    @Autowired
    TestData data;

    @Autowired
    CommitteeMembers members;

    @Autowired
    Committee committee;

    @Autowired
    MeetingMinutes minutes;

    @Autowired
    Recommendations recommendations;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theChiefOfMissionOrAnAdministratorAppointsMembersOfThePostWithOneChair() {
        Cast c = fixture.committee();
        String admin = data.user(Role.ADMINISTRATOR, Classification.UNCLASSIFIED, c.post());
        String stranger = data.user(Role.MANAGEMENT, Classification.SECRET, data.post());

        assertThatThrownBy(() -> data.as(
                        c.chair(), () -> members.appoint(c.post().id(), c.bystander(), "Consular chief", false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        data.as(c.chief(), () -> members.appoint(c.post().id(), stranger, "Management officer", false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("username:");
        assertThatThrownBy(
                        () -> data.as(c.chief(), () -> members.appoint(c.post().id(), c.bystander(), " ", false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("title:");
        data.as(admin, () -> members.appoint(c.post().id(), c.bystander(), "Consular chief", true));
        List<CommitteeMember> list =
                data.as(c.bystander(), () -> members.list(c.post().id()));

        assertThat(list)
                .filteredOn(CommitteeMember::chair)
                .extracting(CommitteeMember::username)
                .containsExactly(c.bystander());
        assertThat(list)
                .extracting(CommitteeMember::title)
                .containsExactly(
                        "Consular chief", "Agency head", "Deputy chief of mission", "Regional security officer");
        data.as(c.chief(), () -> members.remove(c.post().id(), c.bystander()));
        assertThat(data.as(c.chief(), () -> members.list(c.post().id()))).hasSize(3);
        assertThat(jdbc.sql(
                                "select action from audit_entry where post_id = ? and action like 'committee.member-%' order by seq")
                        .param(c.post().id())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "committee.member-appointed",
                        "committee.member-appointed",
                        "committee.member-appointed",
                        "committee.member-appointed",
                        "committee.member-removed");
    }

    @Test
    void theCommitteePageAppointsAMemberAndSchedulesAMeetingThroughItsForms() {
        Cast c = fixture.committee();
        var chief = new ApiClient(port, c.chief()).session();

        var page = chief.get("/committee");
        var appointed = chief.postForm(
                "/committee/members", java.util.Map.of("username", c.bystander(), "title", "Consular chief"));
        var afterAppointment = chief.get("/committee");
        var refused = chief.postForm("/committee/members", java.util.Map.of("username", c.bystander(), "title", ""));
        var afterRefusal = chief.get("/committee");
        var scheduled = chief.postForm(
                "/committee/meetings",
                java.util.Map.of("title", "Evening meeting", "scheduledFor", "2031-08-14T18:00"));

        assertThat(page.body())
                .contains("Appoint a member")
                .contains(c.bystander())
                .contains("Schedule a meeting");
        assertThat(appointed.statusCode()).isEqualTo(302);
        assertThat(afterAppointment.body()).contains("sits on the committee as Consular chief");
        assertThat(data.as(c.chief(), () -> members.list(c.post().id())))
                .extracting(CommitteeMember::username)
                .contains(c.bystander());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(afterRefusal.body()).contains("title: is required");
        assertThat(scheduled.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/committee/meetings/"));
        assertThat(data.as(c.chief(), () -> committee.meetings(c.post().id())))
                .singleElement()
                .satisfies(m -> assertThat(m.scheduledFor().toInstant())
                        .as("read in the post's time zone, Asia/Kabul")
                        .isEqualTo(Instant.parse("2031-08-14T13:30:00Z")));
    }

    @Test
    void aNonMemberOfThePostIsRefusedAndAPostMemberOffTheCommitteeSeesOnlyWhoSitsOnIt() {
        Cast c = fixture.committee();
        long meetingId = openMeeting(c);
        String outsider = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, data.post());
        String base = "/api/v1/posts/" + c.post().code() + "/committee";

        ApiClient out = new ApiClient(port, outsider);
        ApiClient bystander = new ApiClient(port, c.bystander());

        assertThat(out.get(base + "/members").statusCode()).isEqualTo(403);
        assertThat(out.get(base + "/meetings").statusCode()).isEqualTo(403);
        assertThat(out.get(base + "/meetings/" + meetingId).statusCode()).isEqualTo(403);
        assertThat(out.page("/committee/meetings/" + meetingId).statusCode()).isEqualTo(403);
        assertThat(out.send(
                                "POST",
                                base + "/meetings/" + meetingId + "/minutes",
                                "{\"classification\":\"U\",\"text\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(bystander.get(base + "/members").statusCode()).isEqualTo(200);
        assertThat(bystander.get(base + "/meetings").statusCode()).isEqualTo(403);
        assertThat(bystander.get(base + "/meetings/" + meetingId).statusCode()).isEqualTo(403);
        assertThat(bystander.page("/committee/meetings/" + meetingId).statusCode())
                .isEqualTo(403);
        assertThat(bystander.page("/committee").body())
                .contains("data-testid=\"not-for-you\"")
                .doesNotContain("Daily meeting");
        assertThat(jdbc.sql("select count(*) from minute_portion where meeting_id = ?")
                        .param(meetingId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aCommitteeMemberWhoIsNotTheChiefOfMissionCannotRecordTheDecision() {
        Cast c = fixture.committee();
        long meetingId = openMeeting(c);
        long itemId = data.as(
                        c.rso(),
                        () -> committee.addAgendaItem(
                                c.post().id(), meetingId, AgendaItem.other("Close the consulate", null)))
                .id();
        long recommendationId = finalRecommendation(c, meetingId);
        String decisions = "/api/v1/posts/" + c.post().code() + "/committee/meetings/" + meetingId + "/decisions";
        String body = "{\"recommendationId\":" + recommendationId + ",\"agendaItemIds\":[" + itemId
                + "],\"summary\":\"Request ordered departure.\"}";

        assertThatThrownBy(() -> data.as(
                        c.chair(),
                        () -> committee.decide(c.post().id(), meetingId, recommendationId, List.of(itemId), "Go")))
                .isInstanceOf(AccessDeniedException.class);
        var byChair = new ApiClient(port, c.chair()).send("POST", decisions, body);
        var byRso = new ApiClient(port, c.rso()).send("POST", decisions, body);

        assertThat(byChair.statusCode()).isEqualTo(403);
        assertThat(byRso.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from committee_decision where meeting_id = ?")
                        .param(meetingId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(events.stream(DecisionRecorded.class)).isEmpty();

        Decision decision = data.as(
                c.chief(),
                () -> committee.decide(
                        c.post().id(), meetingId, recommendationId, List.of(itemId), "Request ordered departure."));

        assertThat(decision.decidedBy()).isEqualTo(c.chief());
        assertThat(decision.agendaItemIds()).containsExactly(itemId);
        assertThat(data.as(c.chief(), () -> committee.agenda(c.post().id(), meetingId)))
                .singleElement()
                .satisfies(a -> assertThat(a.decided()).isTrue());
        assertThat(events.stream(DecisionRecorded.class)).singleElement().satisfies(e -> {
            assertThat(e.postId()).isEqualTo(c.post().id());
            assertThat(e.meetingId()).isEqualTo(meetingId);
            assertThat(e.agendaItemIds()).containsExactly(itemId);
            assertThat(e.decidedBy()).isEqualTo(c.chief());
            assertThat(e.summary()).isEqualTo("Request ordered departure.");
        });
        var twice = new ApiClient(port, c.chief()).send("POST", decisions, body);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("\"field\":\"recommendationId\"").contains("already decided");
    }

    @Test
    void theChiefOfMissionDecidesOnlyOnAFinalRecommendationOfTheMeeting() {
        Cast c = fixture.committee();
        long meetingId = openMeeting(c);
        long draft = data.as(c.rso(), () -> recommendations.propose(c.post().id(), meetingId, "Wait.", null))
                .id();

        assertThatThrownBy(
                        () -> data.as(c.chief(), () -> committee.decide(c.post().id(), meetingId, draft, null, "Wait")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("still a draft");
        assertThatThrownBy(() ->
                        data.as(c.chief(), () -> committee.decide(c.post().id(), meetingId, null, List.of(), "x")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("agendaItemIds:");
        assertThatThrownBy(() ->
                        data.as(c.chief(), () -> committee.decide(c.post().id(), meetingId, null, List.of(-1L), "x")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("agendaItemIds[0]:");
    }

    @Test
    void everyChangeToAMeetingLeavesAnAuditEntry() {
        Cast c = fixture.committee();
        long meetingId = openMeeting(c);
        data.as(c.rso(), () -> committee.addAgendaItem(c.post().id(), meetingId, AgendaItem.other("Fuel", null)));
        data.as(c.rso(), () -> minutes.recordAttendance(c.post().id(), meetingId, c.chair(), Presence.PRESENT));
        data.as(c.rso(), () -> minutes.addPortion(c.post().id(), meetingId, Classification.UNCLASSIFIED, "Met."));
        long recommendationId = finalRecommendation(c, meetingId);
        data.as(c.chief(), () -> committee.decide(c.post().id(), meetingId, recommendationId, null, "Agreed."));
        data.as(c.chair(), () -> committee.close(c.post().id(), meetingId));

        assertThat(jdbc.sql("select action from audit_entry where post_id = ? and action like 'committee.%'"
                                + " and action not like 'committee.member-%' order by seq")
                        .param(c.post().id())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "committee.meeting-scheduled",
                        "committee.meeting-opened",
                        "committee.agenda-item-added",
                        "committee.attendance-recorded",
                        "committee.minutes-portion-added",
                        "committee.recommendation-proposed",
                        "committee.vote-cast",
                        "committee.worst-case-recorded",
                        "committee.recommendation-finalised",
                        "committee.decision-recorded",
                        "committee.meeting-closed");
    }

    long openMeeting(Cast c) {
        Instant at = clock.instant().plus(Duration.ofHours(2));
        long id = data.as(c.chair(), () -> committee.schedule(c.post().id(), "Daily meeting", at))
                .id();
        data.as(c.chair(), () -> committee.open(c.post().id(), id));
        return id;
    }

    long finalRecommendation(Cast c, long meetingId) {
        long id = data.as(
                        c.chair(),
                        () -> recommendations.propose(
                                c.post().id(),
                                meetingId,
                                "Request ordered departure.",
                                RecommendedPosture.ORDERED_DEPARTURE))
                .id();
        data.as(c.rso(), () -> recommendations.vote(c.post().id(), id, Vote.FOR, null));
        data.as(c.rso(), () -> minutes.assess(c.post().id(), meetingId, Classification.SECRET, "The city falls."));
        data.as(c.chair(), () -> recommendations.finalise(c.post().id(), id));
        return id;
    }
}
