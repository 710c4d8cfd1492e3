package org.muster.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.TestData;
import org.muster.committee.CommitteeTestData.Cast;
import org.muster.posture.Crises;
import org.muster.posture.MovableClock;
import org.muster.posture.Posture;
import org.muster.posture.PostureIntegrationTest;
import org.muster.posture.Postures;
import org.muster.posture.Subset;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.beans.factory.annotation.Autowired;

/** A departure status's 30-day review goes on the agenda as it falls due; the chief of mission's decision records it. */
@PostureIntegrationTest
class PostureReviewAgendaIntegrationTests {
    @Autowired
    CommitteeTestData fixture;

    @Autowired
    TestData data;

    @Autowired
    Committee committee;

    @Autowired
    Crises crises;

    @Autowired
    Postures postures;

    @Autowired
    MovableClock movable;

    @Autowired
    Clock clock;

    @AfterEach
    void putTheClockBack() {
        movable.reset();
    }

    @Test
    void aReviewFallingDueWithinAWeekIsOnTheAgendaAndDecidingItRecordsTheReview() {
        Cast c = fixture.committee();
        long postId = c.post().id();
        String approver = data.user(Role.APPROVING_AUTHORITY, Classification.SECRET, c.post());
        data.as(c.chief(), () -> crises.open(postId, "Security deteriorating", c.chief(), approver));
        long requestId = data.as(
                        c.chief(),
                        () -> postures.request(
                                postId, Posture.AUTHORIZED_DEPARTURE, Subset.EVERYONE, "The airport may close."))
                .id();
        data.as(approver, () -> postures.approve(requestId, "Approved for everyone."));

        long early = data.as(
                        c.chair(),
                        () -> committee.schedule(
                                postId, "Early", clock.instant().plusSeconds(60)))
                .id();
        movable.advance(Duration.ofDays(24));
        long dueSoon = data.as(
                        c.chair(),
                        () -> committee.schedule(
                                postId, "Week four", clock.instant().plusSeconds(60)))
                .id();

        assertThat(data.as(c.chair(), () -> committee.agenda(postId, early)))
                .as("30 days away: not yet")
                .isEmpty();
        List<AgendaEntry> agenda = data.as(c.chair(), () -> committee.agenda(postId, dueSoon));
        assertThat(agenda).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AgendaKind.POSTURE_REVIEW);
            assertThat(a.referenceId()).isEqualTo(requestId);
            assertThat(a.title()).isEqualTo("30-day review of Authorized departure");
            assertThat(a.decideBy().toInstant())
                    .isEqualTo(data.as(c.chief(), () -> postures.clocks(postId))
                            .reviewDueAt()
                            .toInstant());
        });

        data.as(
                c.chief(),
                () -> committee.decide(
                        postId,
                        dueSoon,
                        null,
                        List.of(agenda.get(0).id()),
                        "Authorized departure continues for 30 days."));

        assertThat(data.as(c.chief(), () -> postures.reviews(postId)))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.reviewedBy()).isEqualTo(c.chief());
                    assertThat(r.note()).isEqualTo("Authorized departure continues for 30 days.");
                });
        assertThat(data.as(c.chief(), () -> postures.clocks(postId)).reviewOverdue())
                .isFalse();
        long next = data.as(
                        c.chair(),
                        () -> committee.schedule(
                                postId, "Week five", clock.instant().plusSeconds(60)))
                .id();
        assertThat(data.as(c.chair(), () -> committee.agenda(postId, next)))
                .as("the next review falls due 30 days after this one")
                .isEmpty();
    }
}
