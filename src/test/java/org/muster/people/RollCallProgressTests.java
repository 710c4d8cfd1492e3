package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollCallProgressTests {
    static final OffsetDateTime START = OffsetDateTime.of(2021, 8, 15, 10, 0, 0, 0, ZoneOffset.UTC);

    static RollCall rollCall(int targetPercent, int targetMinutes) {
        return new RollCall(
                1, 7, "Drill", RollCallScope.WHOLE_POST, targetPercent, targetMinutes, START, "rso", null, null, 8, 3);
    }

    static RollCallFigures figures(long members, long accounted, long com, long comAccounted) {
        return new RollCallFigures(members, accounted, com, comAccounted, 0, accounted, Map.of(), List.of());
    }

    @Test
    void theTargetLineRisesLinearlyToItsPercentAndStaysThere() {
        RollCall rc = rollCall(90, 60);
        RollCallFigures f = figures(10, 0, 10, 0);

        assertThat(new RollCallProgress(rc, f, 0, null).targetPercentNow()).isEqualTo(0.0);
        assertThat(new RollCallProgress(rc, f, 30, null).targetPercentNow()).isEqualTo(45.0);
        assertThat(new RollCallProgress(rc, f, 60, null).targetPercentNow()).isEqualTo(90.0);
        assertThat(new RollCallProgress(rc, f, 600, null).targetPercentNow()).isEqualTo(90.0);
    }

    @Test
    void theTargetIsMeasuredOnChiefOfMissionPersonnelWhenTheScopeHasAny() {
        RollCall rc = rollCall(100, 60);

        var comBehind = new RollCallProgress(rc, figures(10, 9, 4, 1), 30, null);
        var noCom = new RollCallProgress(rc, figures(10, 6, 0, 0), 30, null);

        assertThat(comBehind.measuredPercent()).isEqualTo(25.0);
        assertThat(comBehind.onTarget()).isFalse();
        assertThat(noCom.measuredPercent()).isEqualTo(60.0);
        assertThat(noCom.onTarget()).isTrue();
    }

    @Test
    void percentagesRoundDownSoThatOnlyEveryoneIsAHundred() {
        assertThat(RollCallFigures.percent(3, 8)).isEqualTo(37.5);
        assertThat(RollCallFigures.percent(1, 3)).isEqualTo(33.3);
        assertThat(RollCallFigures.percent(1999, 2000)).isEqualTo(99.9);
        assertThat(RollCallFigures.percent(2000, 2000)).isEqualTo(100.0);
        assertThat(RollCallFigures.percent(0, 0)).isEqualTo(0.0);
    }
}
