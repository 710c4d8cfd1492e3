package org.muster.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.committee.CommitteeTestData.Cast;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Minutes with portion markings: each reader sees the portions their clearance dominates, through the service, the API and the page. */
@MusterIntegrationTest
class MinutesIntegrationTests {
    static final String U_TEXT = "The committee reviewed the roll-call of the morning.";
    static final String C_TEXT = "Liaison reports the northern ring road is no longer held.";
    static final String S_TEXT = "A source reports an attack planned on the airport approach.";

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
    MeetingRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void anUnclearedMemberSeesOnlyTheUnclassifiedPortionsAndASecretClearedMemberSeesAll() {
        Cast c = fixture.committee();
        long meetingId = meetingWithMinutes(c);

        Minutes uncleared =
                data.as(c.uncleared(), () -> minutes.minutes(c.post().id(), meetingId));
        Minutes cleared = data.as(c.rso(), () -> minutes.minutes(c.post().id(), meetingId));

        assertThat(uncleared.portions()).extracting(MinutePortion::text).containsExactly(U_TEXT);
        assertThat(uncleared.portions()).extracting(MinutePortion::portionMark).containsExactly("(U)");
        assertThat(uncleared.withheld()).isEqualTo(2);
        assertThat(uncleared.classification()).isEqualTo(Classification.UNCLASSIFIED);
        assertThat(cleared.portions()).extracting(MinutePortion::text).containsExactly(U_TEXT, C_TEXT, S_TEXT);
        assertThat(cleared.portions()).extracting(MinutePortion::portionMark).containsExactly("(U)", "(C)", "(S)");
        assertThat(cleared.withheld()).isZero();
        assertThat(cleared.classification())
                .as("the overall marking is the highest portion's")
                .isEqualTo(Classification.SECRET);
    }

    @Test
    void theApiAndThePageCarryNoWithheldTextAndSayHowManyPortionsAreWithheld() {
        Cast c = fixture.committee();
        long meetingId = meetingWithMinutes(c);
        String path = "/api/v1/posts/" + c.post().code() + "/committee/meetings/" + meetingId;

        ApiClient uncleared = new ApiClient(port, c.uncleared());
        var json = uncleared.get(path);
        var page = uncleared.page("/committee/meetings/" + meetingId);
        var clearedPage = new ApiClient(port, c.rso()).page("/committee/meetings/" + meetingId);

        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body())
                .contains(U_TEXT)
                .contains("\"withheld\":2")
                .doesNotContain(C_TEXT, S_TEXT, "(C)", "(S)");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("(U)")
                .contains(U_TEXT)
                .contains("2 portions are withheld")
                .doesNotContain(C_TEXT, S_TEXT, "(C)", "(S)");
        assertThat(clearedPage.body())
                .contains(U_TEXT, C_TEXT, S_TEXT, "(C)", "(S)")
                .doesNotContain("data-testid=\"withheld\"");
        assertThat(clearedPage.body()).contains("data-testid=\"page-marking\"").contains(">SECRET<");
    }

    @Test
    void aWorstCaseAssessmentAboveTheReadersClearanceIsWithheld() {
        Cast c = fixture.committee();
        long meetingId = meetingWithMinutes(c);
        data.as(c.rso(), () -> minutes.assess(c.post().id(), meetingId, Classification.SECRET, S_TEXT));
        assertThatThrownBy(() -> data.as(
                        c.uncleared(),
                        () -> minutes.assess(c.post().id(), meetingId, Classification.UNCLASSIFIED, "Nothing much.")))
                .as("an uncleared member cannot replace an assessment they may not read")
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("worstCaseAssessment:");

        MeetingRecord uncleared =
                data.as(c.uncleared(), () -> records.record(c.post().id(), meetingId));
        MeetingRecord cleared = data.as(c.chair(), () -> records.record(c.post().id(), meetingId));

        assertThat(uncleared.worstCase()).isNull();
        assertThat(uncleared.worstCaseWithheld()).isTrue();
        assertThat(uncleared.classification()).isEqualTo(Classification.UNCLASSIFIED);
        assertThat(cleared.worstCase().text()).isEqualTo(S_TEXT);
        assertThat(cleared.worstCaseWithheld()).isFalse();
        assertThat(count(
                        "select count(*) from audit_entry where post_id = ? and action = 'viewed'"
                                + " and summary like '%meeting #" + meetingId + " marked SECRET%'",
                        c))
                .as("a view of secret content is recorded; the uncleared view is not")
                .isEqualTo(1);
    }

    @Test
    void aWriterCannotMarkAPortionAboveTheirOwnClearanceAndNothingIsWritten() {
        Cast c = fixture.committee();
        long meetingId = openMeeting(c);

        assertThatThrownBy(() -> data.as(
                        c.uncleared(),
                        () -> minutes.addPortion(c.post().id(), meetingId, Classification.CONFIDENTIAL, C_TEXT)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("classification:");
        assertThatThrownBy(() -> data.as(
                        c.rso(), () -> minutes.addPortion(c.post().id(), meetingId, Classification.SECRET, "  ")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("text:");
        assertThat(count("select count(*) from minute_portion where meeting_id = " + meetingId, null))
                .isZero();
    }

    @Test
    void auditEntriesNameTheMarkingButNeverTheTextOfAPortion() {
        Cast c = fixture.committee();
        long meetingId = meetingWithMinutes(c);

        assertThat(jdbc.sql(
                                "select summary from audit_entry where post_id = ? and action = 'committee.minutes-portion-added'"
                                        + " order by seq")
                        .param(c.post().id())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "Meeting #" + meetingId + ": portion 1 marked (U) added to the minutes",
                        "Meeting #" + meetingId + ": portion 2 marked (C) added to the minutes",
                        "Meeting #" + meetingId + ": portion 3 marked (S) added to the minutes");
        assertThat(count(
                        "select count(*) from audit_entry where post_id = ? and (summary like '%ring road%'"
                                + " or summary like '%airport approach%')",
                        c))
                .isZero();
    }

    long meetingWithMinutes(Cast c) {
        long meetingId = openMeeting(c);
        data.as(c.uncleared(), () -> minutes.addPortion(c.post().id(), meetingId, Classification.UNCLASSIFIED, U_TEXT));
        data.as(c.rso(), () -> minutes.addPortion(c.post().id(), meetingId, Classification.CONFIDENTIAL, C_TEXT));
        data.as(c.chair(), () -> minutes.addPortion(c.post().id(), meetingId, Classification.SECRET, S_TEXT));
        return meetingId;
    }

    long openMeeting(Cast c) {
        Instant at = clock.instant().plus(Duration.ofHours(1));
        long id = data.as(c.chair(), () -> committee.schedule(c.post().id(), "Daily meeting", at))
                .id();
        data.as(c.chair(), () -> committee.open(c.post().id(), id));
        return id;
    }

    long count(String sql, Cast c) {
        var statement = jdbc.sql(sql);
        return (c == null ? statement : statement.param(c.post().id()))
                .query(Long.class)
                .single();
    }
}
