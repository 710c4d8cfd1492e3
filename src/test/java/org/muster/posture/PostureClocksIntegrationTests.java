package org.muster.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The 30-day review and the 180-day alert as days pass on the application's clock. */
@PostureIntegrationTest
class PostureClocksIntegrationTests {
    @Autowired
    PostureFixture fixture;

    @Autowired
    Postures postures;

    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDepartureIsReviewedEveryThirtyDaysAndAlertsAtOneHundredAndEightyDays() {
        var s = fixture.scene();
        long id = fixture.as(
                        s.com(), () -> postures.request(s.post().id(), Posture.AUTHORIZED_DEPARTURE, null, "Unrest"))
                .id();
        PostureRequest approved = fixture.as(s.approver(), () -> postures.approve(id, "Agreed"));

        PostureClocks fresh = fixture.as(s.com(), () -> postures.clocks(s.post().id()));
        assertThat(fresh.applies()).isTrue();
        assertThat(fresh.reviewDueAt()).isEqualTo(approved.decidedAt().plusDays(30));
        assertThat(fresh.reviewOverdue()).isFalse();
        assertThat(fresh.daysInStatus()).isZero();

        clock.advance(Duration.ofDays(31));
        PostureClocks overdue =
                fixture.as(s.com(), () -> postures.clocks(s.post().id()));
        assertThat(overdue.reviewOverdue()).isTrue();
        assertThat(overdue.daysInStatus()).isEqualTo(31);

        assertThatThrownBy(() -> fixture.as(
                        s.committee(), () -> postures.recordReview(s.post().id(), "Reviewed")))
                .isInstanceOf(AccessDeniedException.class);
        PostureClocks reviewed =
                fixture.as(s.com(), () -> postures.recordReview(s.post().id(), "Conditions unchanged; continue AD"));
        assertThat(reviewed.reviewOverdue()).isFalse();
        assertThat(reviewed.reviewDueAt()).isEqualTo(reviewed.lastReviewAt().plusDays(30));
        assertThat(reviewed.reviewDueAt()).isAfter(approved.decidedAt().plusDays(60));

        long od = fixture.as(
                        s.com(),
                        () -> postures.request(s.post().id(), Posture.ORDERED_DEPARTURE, null, "Fighting nearer"))
                .id();
        PostureRequest ordered = fixture.as(s.approver(), () -> postures.approve(od, "Agreed"));
        clock.advance(Duration.ofDays(148));
        PostureClocks day179 =
                fixture.as(s.com(), () -> postures.clocks(s.post().id()));
        assertThat(day179.posture()).isEqualTo(Posture.ORDERED_DEPARTURE);
        assertThat(day179.daysInStatus())
                .as("counted from the authorized departure")
                .isEqualTo(179);
        assertThat(day179.limitReached()).isFalse();
        assertThat(day179.reviewDueAt()).isEqualTo(ordered.decidedAt().plusDays(30));

        clock.advance(Duration.ofDays(1));
        PostureClocks day180 =
                fixture.as(s.com(), () -> postures.clocks(s.post().id()));
        assertThat(day180.limitReached()).isTrue();
        assertThat(day180.limitAt()).isEqualTo(approved.decidedAt().plusDays(180));
        assertThat(fixture.count(
                        "select count(*) from audit_entry where post_id = ? and action = 'posture.reviewed'",
                        s.post().id()))
                .isEqualTo(1);
    }

    @Test
    void onlyADepartureIsReviewed() {
        var s = fixture.scene();

        assertThatThrownBy(() ->
                        fixture.as(s.com(), () -> postures.recordReview(s.post().id(), "All calm")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("posture:");
        assertThat(fixture.as(s.com(), () -> postures.clocks(s.post().id())).applies())
                .isFalse();
    }
}
