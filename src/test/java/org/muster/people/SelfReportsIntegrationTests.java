package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.muster.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person's own reports through a verified channel: check-ins in open roll-calls, intent, last contact. */
@MusterIntegrationTest
class SelfReportsIntegrationTests {
    @Autowired
    TestData data;

    @Autowired
    PeopleRegistry registry;

    @Autowired
    RollCalls rollCalls;

    @Autowired
    SelfReports selfReports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aSelfReportChecksThePersonInToEveryOpenRollCallOnceAndLeavesClosedOnesAlone() {
        Post post = data.post();
        registry.addAll(post.id(), List.of(RollCallPeople.ANN_LEE, RollCallPeople.OMID_SAFI), "a test");
        long omid = person(post, "Safi");
        long ann = person(post, "Lee");
        String rso = data.user(Role.SECURITY_OFFICER, Classification.UNCLASSIFIED, post);
        RollCall closed = data.as(rso, () -> rollCalls.start(post.id(), "Yesterday", null, null, null));
        data.as(rso, () -> rollCalls.close(post.id(), closed.id()));
        RollCall first = data.as(rso, () -> rollCalls.start(post.id(), "Morning", null, null, null));
        RollCall second = data.as(rso, () -> rollCalls.start(post.id(), "Annex only", null, null, null));

        List<CheckInResult> results = selfReports.checkInOpenRollCalls(
                post.id(), omid, CheckInStatus.NEEDS_HELP, "Leg injured", "response link d1", "response 1");
        List<CheckInResult> again = selfReports.checkInOpenRollCalls(
                post.id(), omid, CheckInStatus.NEEDS_HELP, "Leg injured", "response link d1", "response 1");

        assertThat(results).extracting(r -> r.checkIn().rollCallId()).containsExactly(first.id(), second.id());
        assertThat(results).allSatisfy(r -> {
            assertThat(r.applied()).isTrue();
            assertThat(r.replayed()).isFalse();
            assertThat(r.checkIn().channel()).isEqualTo(CheckInChannel.SELF);
            assertThat(r.checkIn().reportedBy()).isEqualTo("response link d1");
            assertThat(r.checkIn().note()).isEqualTo("Leg injured");
        });
        assertThat(again).as("the same key again").allSatisfy(r -> {
            assertThat(r.replayed()).isTrue();
            assertThat(r.applied()).isFalse();
        });
        assertThat(again)
                .extracting(r -> r.checkIn().id())
                .containsExactlyElementsOf(
                        results.stream().map(r -> r.checkIn().id()).toList());
        assertThat(checkIns(first, omid) + checkIns(second, omid)).isEqualTo(2);
        assertThat(member(first, omid)).isEqualTo("NEEDS_HELP SELF true response link d1");
        assertThat(member(second, omid)).isEqualTo("NEEDS_HELP SELF true response link d1");
        assertThat(member(closed, omid)).as("closed roll-call").isEqualTo("UNKNOWN null null null");
        assertThat(checkIns(closed, omid)).isZero();
        assertThat(member(first, ann)).as("someone else").isEqualTo("UNKNOWN null null null");

        selfReports.checkInOpenRollCalls(post.id(), omid, CheckInStatus.SAFE, null, "response link d1", "response 2");
        assertThat(member(first, omid)).as("a later report counts").startsWith("SAFE SELF");
        assertThat(checkIns(first, omid)).isEqualTo(2);
    }

    @Test
    void aPersonInNoOpenRollCallIsCheckedInNowhere() {
        Post post = data.post();
        registry.addAll(
                post.id(),
                List.of(new NewPerson("Roya", "Karimi", Category.SIV_APPLICANT, "AF", null, null)),
                "a test");

        assertThat(selfReports.checkInOpenRollCalls(
                        post.id(), person(post, "Karimi"), CheckInStatus.SAFE, null, "response link d2", "response 3"))
                .isEmpty();
    }

    @Test
    void hearingFromAPersonRecordsTheirIntentWhenGivenAndTheirLastContact() {
        Post post = data.post();
        registry.addAll(
                post.id(),
                List.of(new NewPerson("Roya", "Karimi", Category.SIV_APPLICANT, "AF", null, null)),
                "a test");
        long roya = person(post, "Karimi");
        OffsetDateTime before = OffsetDateTime.now(clock).minusSeconds(5);

        assertThat(selfReports.heardFrom(roya, null)).isEqualTo(Intent.UNKNOWN);
        assertThat(selfReports.heardFrom(roya, Intent.LEAVE)).isEqualTo(Intent.LEAVE);
        assertThat(selfReports.heardFrom(roya, null))
                .as("no intent given: unchanged")
                .isEqualTo(Intent.LEAVE);
        assertThat(jdbc.sql("select intent from person where id = ?")
                        .param(roya)
                        .query(String.class)
                        .single())
                .isEqualTo("LEAVE");
        assertThat(jdbc.sql("select last_contact_at from person where id = ?")
                        .param(roya)
                        .query(OffsetDateTime.class)
                        .single())
                .isAfter(before);
        assertThatThrownBy(() -> selfReports.heardFrom(-1, Intent.STAY)).isInstanceOf(NotFoundException.class);
    }

    long person(Post post, String familyName) {
        return jdbc.sql("select id from person where post_id = ? and family_name = ?")
                .params(post.id(), familyName)
                .query(Long.class)
                .single();
    }

    long checkIns(RollCall rc, long personId) {
        return jdbc.sql("select count(*) from check_in where roll_call_id = ? and person_id = ?")
                .params(rc.id(), personId)
                .query(Long.class)
                .single();
    }

    String member(RollCall rc, long personId) {
        return jdbc.sql(
                        "select concat_ws(' ', status, coalesce(channel, 'null'), coalesce(self_reported::text, 'null'),"
                                + " coalesce(reported_by, 'null')) from roll_call_member where roll_call_id = ? and person_id = ?")
                .params(rc.id(), personId)
                .query(String.class)
                .single();
    }
}
