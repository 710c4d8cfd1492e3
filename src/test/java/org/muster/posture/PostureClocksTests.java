package org.muster.posture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PostureClocksTests {
    static final OffsetDateTime APPROVED = OffsetDateTime.of(2021, 4, 27, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aReviewIsDueThirtyDaysAfterApproval() {
        PostureClocks day29 = PostureClocks.of(ordered(APPROVED, null), at(APPROVED.plusDays(29)));
        PostureClocks day30 = PostureClocks.of(ordered(APPROVED, null), at(APPROVED.plusDays(30)));

        assertThat(day29.reviewDueAt()).isEqualTo(APPROVED.plusDays(30));
        assertThat(day29.reviewOverdue()).isFalse();
        assertThat(day29.daysUntilReview()).isEqualTo(1);
        assertThat(PostureClocks.of(ordered(APPROVED, null), at(APPROVED.plusMinutes(1)))
                        .daysUntilReview())
                .as("a part day counts as one")
                .isEqualTo(30);
        assertThat(day30.reviewOverdue()).isTrue();
        assertThat(day30.daysInStatus()).isEqualTo(30);
    }

    @Test
    void aRecordedReviewMovesTheNextOneThirtyDaysOn() {
        OffsetDateTime reviewed = APPROVED.plusDays(28);
        PostureClocks clocks = PostureClocks.of(ordered(APPROVED, reviewed), at(APPROVED.plusDays(40)));

        assertThat(clocks.reviewDueAt()).isEqualTo(reviewed.plusDays(30));
        assertThat(clocks.reviewOverdue()).isFalse();
        assertThat(clocks.lastReviewAt()).isEqualTo(reviewed);
    }

    @Test
    void theAlertComesWhenTheStatusHasLastedOneHundredAndEightyDays() {
        PostureClocks before = PostureClocks.of(
                ordered(APPROVED, null), at(APPROVED.plusDays(180).minusSeconds(1)));
        PostureClocks on = PostureClocks.of(ordered(APPROVED, null), at(APPROVED.plusDays(180)));

        assertThat(before.daysInStatus()).isEqualTo(179);
        assertThat(before.limitReached()).isFalse();
        assertThat(on.daysInStatus()).isEqualTo(180);
        assertThat(on.limitReached()).isTrue();
        assertThat(on.limitAt()).isEqualTo(APPROVED.plusDays(180));
    }

    @Test
    void theLimitCountsFromTheStartOfTheDepartureRunNotTheLatestApproval() {
        OffsetDateTime authorized = APPROVED.minusDays(100);
        PostureStatus status = new PostureStatus(
                1, Posture.ORDERED_DEPARTURE, Subset.EVERYONE, APPROVED, 2L, "approver", authorized, null);

        PostureClocks clocks = PostureClocks.of(status, at(APPROVED.plusDays(80)));

        assertThat(clocks.daysInStatus()).isEqualTo(180);
        assertThat(clocks.limitReached()).isTrue();
        assertThat(clocks.reviewDueAt()).isEqualTo(APPROVED.plusDays(30));
    }

    @Test
    void normalAndSuspensionHaveNoClocks() {
        PostureClocks normal = PostureClocks.of(PostureStatus.normal(1), at(APPROVED));
        PostureStatus suspension =
                new PostureStatus(1, Posture.SUSPENSION, Subset.EVERYONE, APPROVED, 3L, "approver", null, null);

        assertThat(normal.applies()).isFalse();
        assertThat(normal.reviewDueAt()).isNull();
        assertThat(PostureClocks.of(suspension, at(APPROVED.plusDays(400))).limitReached())
                .isFalse();
    }

    private static PostureStatus ordered(OffsetDateTime since, OffsetDateTime lastReview) {
        return new PostureStatus(
                1, Posture.ORDERED_DEPARTURE, Subset.EVERYONE, since, 1L, "approver", since, lastReview);
    }

    private static Instant at(OffsetDateTime t) {
        return t.toInstant();
    }
}
