package org.muster.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.committee.CommitteeTestData.Cast;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recommendations: the worst case first, one vote per member until final, dissent kept. */
@MusterIntegrationTest
class RecommendationIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    CommitteeTestData fixture;

    @Autowired
    Committee committee;

    @Autowired
    MeetingMinutes minutes;

    @Autowired
    Recommendations recommendations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aRecommendationCannotBeFinalWithoutAWorstCaseAssessmentAndNothingIsWritten() {
        Cast c = fixture.committee();
        long meetingId = openMeeting(c);
        Recommendation draft = data.as(
                c.rso(),
                () -> recommendations.propose(
                        c.post().id(),
                        meetingId,
                        "Request ordered departure of family members.",
                        RecommendedPosture.ORDERED_DEPARTURE));
        var api = new ApiClient(port, c.chair())
                .send("POST", path(c, meetingId) + "/recommendations/" + draft.id() + "/finalise", "");

        assertThatThrownBy(() -> data.as(
                        c.chair(), () -> recommendations.finalise(c.post().id(), draft.id())))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("worstCaseAssessment"));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"field\":\"worstCaseAssessment\"");
        assertThat(status(draft)).isEqualTo("DRAFT");
        assertThat(audited(c, "committee.recommendation-finalised")).isZero();

        data.as(
                c.rso(),
                () -> minutes.assess(
                        c.post().id(),
                        meetingId,
                        Classification.CONFIDENTIAL,
                        "The airport closes to charter flights."));
        Recommendation finalised =
                data.as(c.chair(), () -> recommendations.finalise(c.post().id(), draft.id()));

        assertThat(finalised.isFinal()).isTrue();
        assertThat(finalised.finalisedBy()).isEqualTo(c.chair());
        assertThat(audited(c, "committee.recommendation-finalised")).isEqualTo(1);
    }

    @Test
    void eachMemberHasOneVoteWhichTheyMayChangeUntilTheRecommendationIsFinal() {
        Cast c = fixture.committee();
        long meetingId = openMeeting(c);
        long id = data.as(
                        c.chair(), () -> recommendations.propose(c.post().id(), meetingId, "Draw down to core.", null))
                .id();

        data.as(c.rso(), () -> recommendations.vote(c.post().id(), id, Vote.FOR, null));
        data.as(c.rso(), () -> recommendations.vote(c.post().id(), id, Vote.ABSTAIN, null));
        var api = new ApiClient(port, c.rso());
        var again = api.send("PUT", path(c, meetingId) + "/recommendations/" + id + "/vote", "{\"vote\":\"FOR\"}");
        data.as(c.uncleared(), () -> recommendations.vote(c.post().id(), id, Vote.FOR, null));
        data.as(c.rso(), () -> minutes.assess(c.post().id(), meetingId, Classification.UNCLASSIFIED, "A siege."));
        data.as(c.chief(), () -> recommendations.finalise(c.post().id(), id));
        var afterFinal =
                api.send("PUT", path(c, meetingId) + "/recommendations/" + id + "/vote", "{\"vote\":\"AGAINST\"}");
        Recommendation r = data.as(c.chair(), () -> recommendations.get(c.post().id(), id));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(r.votes()).extracting(CastVote::username).containsExactlyInAnyOrder(c.rso(), c.uncleared());
        assertThat(r.voteOf(userId(c.rso())))
                .hasValueSatisfying(v -> assertThat(v.vote()).isEqualTo(Vote.FOR));
        assertThat(r.count(Vote.FOR)).isEqualTo(2);
        assertThat(afterFinal.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from recommendation_vote where recommendation_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThatThrownBy(() -> jdbc.sql("update recommendation_vote set vote = 'AGAINST' where recommendation_id = ?")
                        .param(id)
                        .update())
                .as("the database keeps a final recommendation's votes too")
                .hasMessageContaining("is final");
        assertThat(audited(c, "committee.vote-cast")).isEqualTo(4);
    }

    @Test
    void aDissentIsKeptWithTheFinalRecommendationAndShownOnThePage() {
        Cast c = fixture.committee();
        long meetingId = openMeeting(c);
        String dissent = "Ordered departure now closes the consular section while citizens still need it.";
        long id = data.as(
                        c.chair(),
                        () -> recommendations.propose(
                                c.post().id(),
                                meetingId,
                                "Request ordered departure.",
                                RecommendedPosture.ORDERED_DEPARTURE))
                .id();

        assertThatThrownBy(() ->
                        data.as(c.rso(), () -> recommendations.vote(c.post().id(), id, Vote.FOR, dissent)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("dissent:");
        data.as(c.rso(), () -> recommendations.vote(c.post().id(), id, Vote.AGAINST, dissent));
        data.as(c.rso(), () -> recommendations.vote(c.post().id(), id, Vote.AGAINST, null));
        data.as(c.chair(), () -> recommendations.vote(c.post().id(), id, Vote.FOR, null));
        data.as(c.rso(), () -> minutes.assess(c.post().id(), meetingId, Classification.UNCLASSIFIED, "Siege."));
        data.as(c.chair(), () -> recommendations.finalise(c.post().id(), id));
        data.as(c.chair(), () -> committee.close(c.post().id(), meetingId));

        Recommendation r =
                data.as(c.uncleared(), () -> recommendations.get(c.post().id(), id));
        var page = new ApiClient(port, c.chief()).page("/committee/meetings/" + meetingId);
        var json = new ApiClient(port, c.uncleared()).get(path(c, meetingId));

        assertThat(r.isFinal()).isTrue();
        assertThat(r.dissents()).singleElement().satisfies(v -> {
            assertThat(v.username()).isEqualTo(c.rso());
            assertThat(v.dissent()).isEqualTo(dissent);
        });
        assertThat(page.body()).contains(dissent).contains("1 for, 1 against, 0 abstaining");
        assertThat(json.body()).contains(dissent);
        assertThat(jdbc.sql("select summary from audit_entry where post_id = ? and action = 'committee.vote-cast'"
                                + " order by seq limit 1")
                        .param(c.post().id())
                        .query(String.class)
                        .single())
                .endsWith("voted AGAINST and recorded a dissent")
                .doesNotContain(dissent);
    }

    @Test
    void votesMinutesAndAttendanceAreWrittenOnlyWhileTheMeetingIsInSession() {
        Cast c = fixture.committee();
        long scheduled = data.as(
                        c.chair(),
                        () -> committee.schedule(
                                c.post().id(), "Tomorrow", clock.instant().plus(Duration.ofDays(1))))
                .id();

        assertThatThrownBy(() -> data.as(
                        c.rso(), () -> minutes.addPortion(c.post().id(), scheduled, Classification.UNCLASSIFIED, "x")))
                .isInstanceOf(CommitteeConflictException.class)
                .hasMessageContaining("not in session");
        assertThatThrownBy(() -> data.as(
                        c.rso(), () -> minutes.recordAttendance(c.post().id(), scheduled, c.rso(), Presence.PRESENT)))
                .isInstanceOf(CommitteeConflictException.class);
        data.as(c.chair(), () -> committee.open(c.post().id(), scheduled));
        data.as(c.rso(), () -> minutes.recordAttendance(c.post().id(), scheduled, c.rso(), Presence.BY_PHONE));
        data.as(c.chair(), () -> committee.close(c.post().id(), scheduled));
        var closed = new ApiClient(port, c.rso())
                .send("POST", path(c, scheduled) + "/minutes", "{\"classification\":\"U\",\"text\":\"Late note\"}");

        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(data.as(c.rso(), () -> minutes.attendance(c.post().id(), scheduled)))
                .as("a closed meeting lists those recorded only")
                .singleElement()
                .satisfies(a -> assertThat(a.presence()).isEqualTo(Presence.BY_PHONE));
    }

    long openMeeting(Cast c) {
        long id = data.as(
                        c.chair(),
                        () -> committee.schedule(
                                c.post().id(), "Daily meeting", clock.instant().plus(Duration.ofHours(1))))
                .id();
        data.as(c.chair(), () -> committee.open(c.post().id(), id));
        return id;
    }

    static String path(Cast c, long meetingId) {
        return "/api/v1/posts/" + c.post().code() + "/committee/meetings/" + meetingId;
    }

    String status(Recommendation r) {
        return jdbc.sql("select status from recommendation where id = ?")
                .param(r.id())
                .query(String.class)
                .single();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    long audited(Cast c, String action) {
        return jdbc.sql("select count(*) from audit_entry where post_id = ? and action = ?")
                .params(c.post().id(), action)
                .query(Long.class)
                .single();
    }
}
