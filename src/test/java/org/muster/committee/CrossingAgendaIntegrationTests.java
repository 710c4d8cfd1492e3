package org.muster.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.muster.MusterIntegrationTest;
import org.muster.TestData;
import org.muster.committee.CommitteeTestData.Cast;
import org.muster.decisionpoints.Crossing;
import org.muster.decisionpoints.CrossingStatus;
import org.muster.decisionpoints.Crossings;
import org.muster.decisionpoints.DecisionPoint;
import org.muster.decisionpoints.DecisionPointCrossed;
import org.muster.decisionpoints.DecisionPointSet;
import org.muster.decisionpoints.DecisionPoints;
import org.muster.decisionpoints.Indicator;
import org.muster.decisionpoints.NewObservation;
import org.muster.decisionpoints.Observations;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A crossed decision point goes on the committee's agenda; the chief of mission's decision settles the crossing. */
@MusterIntegrationTest
class CrossingAgendaIntegrationTests {
    @Autowired
    TestData data;

    @Autowired
    CommitteeTestData fixture;

    @Autowired
    Committee committee;

    @Autowired
    MeetingRecords records;

    @Autowired
    DecisionPoints decisionPoints;

    @Autowired
    Observations observations;

    @Autowired
    Crossings crossings;

    @Autowired
    CrossingAlerts alerts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aCrossingWithNoMeetingAheadConvenesOneWithTheCrossingOnItsAgenda() {
        Cast c = fixture.committee();
        String town = town();
        watch(c, town, Classification.UNCLASSIFIED);

        Crossing crossing = cross(c, town);

        List<Meeting> meetings =
                data.as(c.chair(), () -> committee.meetings(c.post().id()));
        assertThat(meetings).singleElement().satisfies(m -> {
            assertThat(m.convened()).isTrue();
            assertThat(m.createdBy()).isEqualTo("system");
            assertThat(m.reason()).isEqualTo("Decision point crossed: " + town + " fallen");
        });
        assertThat(data.as(
                        c.chair(),
                        () -> committee.agenda(c.post().id(), meetings.get(0).id())))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(AgendaKind.CROSSED_DECISION_POINT);
                    assertThat(a.referenceId()).isEqualTo(crossing.id());
                    assertThat(a.decideBy().toInstant()).isEqualTo(crossing.decideBy());
                });
    }

    @Test
    void aCrossingJoinsTheMeetingScheduledWithin24HoursAndARedeliveryAddsNothing() {
        Cast c = fixture.committee();
        String town = town();
        watch(c, town, Classification.UNCLASSIFIED);
        long later = schedule(c, Duration.ofDays(3));
        long next = schedule(c, Duration.ofHours(20));

        Crossing crossing = cross(c, town);
        alerts.on(new DecisionPointCrossed(
                c.post().id(),
                crossing.id(),
                crossing.key(),
                crossing.title(),
                crossing.crossedAt(),
                crossing.decideBy(),
                crossing.actions()));

        assertThat(data.as(c.chair(), () -> committee.meetings(c.post().id()))).hasSize(2);
        assertThat(data.as(c.chair(), () -> committee.agenda(c.post().id(), next)))
                .extracting(AgendaEntry::referenceId)
                .containsExactly(crossing.id());
        assertThat(data.as(c.chair(), () -> committee.agenda(c.post().id(), later)))
                .isEmpty();
    }

    @Test
    void aMeetingScheduledLaterStartsWithTheOpenCrossingsNoOpenMeetingHolds() {
        Cast c = fixture.committee();
        String town = town();
        watch(c, town, Classification.UNCLASSIFIED);
        Crossing crossing = cross(c, town);
        long convened = data.as(c.chair(), () -> committee.meetings(c.post().id()))
                .get(0)
                .id();
        data.as(c.chair(), () -> committee.close(c.post().id(), convened));

        long next = schedule(c, Duration.ofDays(2));

        assertThat(data.as(c.chair(), () -> committee.agenda(c.post().id(), next)))
                .as("carried forward from the closed meeting, where it was not decided")
                .extracting(AgendaEntry::referenceId)
                .containsExactly(crossing.id());
    }

    @Test
    void theChiefOfMissionsDecisionOnTheItemMarksTheCrossingDecided() {
        Cast c = fixture.committee();
        String town = town();
        watch(c, town, Classification.UNCLASSIFIED);
        Crossing crossing = cross(c, town);
        long meetingId = data.as(c.chair(), () -> committee.meetings(c.post().id()))
                .get(0)
                .id();
        long itemId = data.as(c.chair(), () -> committee.agenda(c.post().id(), meetingId))
                .get(0)
                .id();

        data.as(
                c.chief(),
                () -> committee.decide(
                        c.post().id(), meetingId, null, List.of(itemId), "Consolidate staff in the capital."));

        Crossing decided = data.as(c.chief(), () -> crossings.all(c.post().id())).stream()
                .filter(x -> x.id() == crossing.id())
                .findFirst()
                .orElseThrow();
        assertThat(decided.status()).isEqualTo(CrossingStatus.DECIDED);
        assertThat(decided.decidedBy()).isEqualTo(c.chief());
        assertThat(decided.decisionSummary()).isEqualTo("Consolidate staff in the capital.");
        assertThat(data.as(c.chief(), () -> crossings.open(c.post().id()))).isEmpty();
    }

    @Test
    void aSecretDecisionPointsTitleIsWithheldFromAnUnclearedMemberAndKeptOutOfTheMeetingsTitle() {
        Cast c = fixture.committee();
        String town = town();
        watch(c, town, Classification.SECRET);

        cross(c, town);

        Meeting meeting =
                data.as(c.uncleared(), () -> committee.meetings(c.post().id())).get(0);
        MeetingRecord uncleared =
                data.as(c.uncleared(), () -> records.record(c.post().id(), meeting.id()));
        MeetingRecord cleared = data.as(c.rso(), () -> records.record(c.post().id(), meeting.id()));
        assertThat(meeting.title()).doesNotContain(town).contains("marked SECRET");
        assertThat(uncleared.agenda()).isEmpty();
        assertThat(uncleared.agendaWithheld()).isEqualTo(1);
        assertThat(cleared.agenda()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo(town + " fallen");
            assertThat(a.classification()).isEqualTo(Classification.SECRET);
        });
        assertThat(jdbc.sql("select count(*) from audit_entry where post_id = ? and action like 'committee.%'"
                                + " and summary like ?")
                        .params(c.post().id(), "%" + town + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    void watch(Cast c, String town, Classification marking) {
        DecisionPoint point = new DecisionPoint(
                town.toLowerCase() + "-fallen",
                town + " fallen",
                Indicator.event(town, "fell"),
                List.of("Convene the committee", "Consider ordered departure"),
                24,
                null,
                marking);
        data.as(c.rso(), () -> decisionPoints.save(c.post().id(), new DecisionPointSet(List.of(), List.of(point))));
    }

    /** Records the observation that crosses the point, and waits for the (asynchronous) listener to place it. */
    Crossing cross(Cast c, String town) {
        Instant at = clock.instant().minus(Duration.ofMinutes(5));
        data.as(
                c.rso(),
                () -> observations.record(c.post().id(), new NewObservation(at, town, "fell", "liaison officer")));
        Crossing crossing = data.as(c.rso(), () -> crossings.all(c.post().id())).stream()
                .filter(x -> x.key().equals(town.toLowerCase() + "-fallen"))
                .findFirst()
                .orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!onAnAgenda(c, crossing.id())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("crossing " + crossing.id() + " never reached an agenda");
            }
            sleep();
        }
        return crossing;
    }

    boolean onAnAgenda(Cast c, long crossingId) {
        return jdbc.sql("select exists (select 1 from agenda_item a join committee_meeting m on m.id = a.meeting_id"
                        + " where m.post_id = ? and a.kind = 'CROSSED_DECISION_POINT' and a.reference_id = ?)")
                .params(c.post().id(), crossingId)
                .query(Boolean.class)
                .single();
    }

    static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long schedule(Cast c, Duration ahead) {
        Instant at = clock.instant().plus(ahead);
        return data.as(c.chair(), () -> committee.schedule(c.post().id(), "Meeting in " + ahead, at))
                .id();
    }

    static String town() {
        return "Town" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
    }
}
