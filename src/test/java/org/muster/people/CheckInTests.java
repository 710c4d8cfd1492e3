package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.muster.shared.InvalidInputException;

class CheckInTests {
    @Test
    void aCheckInWithoutIdOrStatusIsRefusedByField() {
        assertThatThrownBy(() -> new CheckIn(null, 1, CheckInStatus.SAFE, CheckInChannel.GATE, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("id:");
        assertThatThrownBy(() -> new CheckIn(UUID.randomUUID(), 1, null, CheckInChannel.GATE, null, null))
                .hasMessageStartingWith("status:");
        assertThatThrownBy(() -> new CheckIn(UUID.randomUUID(), 0, CheckInStatus.SAFE, CheckInChannel.GATE, null, null))
                .hasMessageStartingWith("personId:");
        assertThatThrownBy(() -> new CheckIn(
                        UUID.randomUUID(), 1, CheckInStatus.SAFE, CheckInChannel.GATE, null, "x".repeat(501)))
                .hasMessageStartingWith("note:");
    }

    @Test
    void aBlankNoteIsNoNote() {
        assertThat(new CheckIn(UUID.randomUUID(), 1, CheckInStatus.SAFE, CheckInChannel.SELF, null, "  ").note())
                .isNull();
    }

    @Test
    void statusesAndChannelsParseByNameAndNameTheFieldWhenUnknown() {
        assertThat(CheckInStatus.parse("status", "needs_help")).isEqualTo(CheckInStatus.NEEDS_HELP);
        assertThatThrownBy(() -> CheckInStatus.parse("checkIns[3].status", "FINE"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("checkIns[3].status:")
                .hasMessageContaining("SAFE");
        assertThatThrownBy(() -> CheckInChannel.parse("channel", "PIGEON")).hasMessageStartingWith("channel:");
        assertThat(CheckInStatus.UNKNOWN.accounted()).isFalse();
        assertThat(CheckInStatus.NEEDS_HELP.accounted()).isTrue();
        assertThat(CheckInChannel.SELF.selfReported()).isTrue();
        assertThat(CheckInChannel.OFFICER.selfReported()).isFalse();
    }

    @Test
    void aRetryIsTheSameRequestOnlyWithTheSameContentAndReporter() {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse("2021-08-15T10:00:00Z");
        CheckInRecord stored = new CheckInRecord(
                1, id, 7, 42, CheckInStatus.SAFE, CheckInChannel.GATE, "gate-1", at, at.plusSeconds(2), null);

        assertThat(stored.sameRequest(
                        new CheckIn(id, 42, CheckInStatus.SAFE, CheckInChannel.GATE, null, null), 7, "gate-1"))
                .isTrue();
        assertThat(stored.sameRequest(
                        new CheckIn(
                                id,
                                42,
                                CheckInStatus.SAFE,
                                CheckInChannel.GATE,
                                at.withOffsetSameInstant(java.time.ZoneOffset.ofHours(4)),
                                null),
                        7,
                        "gate-1"))
                .isTrue();
        assertThat(stored.sameRequest(
                        new CheckIn(id, 42, CheckInStatus.NEEDS_HELP, CheckInChannel.GATE, null, null), 7, "gate-1"))
                .isFalse();
        assertThat(stored.sameRequest(
                        new CheckIn(id, 42, CheckInStatus.SAFE, CheckInChannel.GATE, null, null), 7, "gate-2"))
                .isFalse();
        assertThat(stored.sameRequest(
                        new CheckIn(id, 42, CheckInStatus.SAFE, CheckInChannel.GATE, null, null), 8, "gate-1"))
                .isFalse();
    }

    @Test
    void aScopeTrimsItsLocationsAndSaysWhatItSelects() {
        RollCallScope scope = new RollCallScope(Set.of(Category.US_DIRECT_HIRE), Set.of(" Compound A "), null);

        assertThat(scope.locations()).containsExactly("Compound A");
        assertThat(scope.households()).isEmpty();
        assertThat(scope.describe()).isEqualTo("categories U.S. direct-hire employee, locations Compound A");
        assertThat(RollCallScope.WHOLE_POST.describe()).isEqualTo("everyone at the post");
        assertThatThrownBy(() -> new RollCallScope(null, Set.of(" "), null)).hasMessageStartingWith("scope.locations:");
    }
}
