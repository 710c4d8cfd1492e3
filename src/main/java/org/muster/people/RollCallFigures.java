package org.muster.people;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of a roll-call at one moment: members, accounted (any status but unknown), the same
 * for chief-of-mission personnel, accounted people by who reported (the person themselves or
 * someone else), people by status, and the accounting curve. Each curve point says how many were
 * accounted for by {@code minute} minutes after the start (people counted at the minute of their
 * first accounting report, rounded up). Closing a roll-call stores these figures as its result.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RollCallFigures(
        long members,
        long accounted,
        long chiefOfMission,
        long chiefOfMissionAccounted,
        long selfReported,
        long reportedByOthers,
        Map<CheckInStatus, Long> byStatus,
        List<Point> curve) {

    public record Point(int minute, long accounted, long chiefOfMissionAccounted) {}

    public RollCallFigures {
        EnumMap<CheckInStatus, Long> ordered = new EnumMap<>(CheckInStatus.class);
        ordered.putAll(byStatus);
        byStatus = Collections.unmodifiableMap(ordered);
        curve = List.copyOf(curve);
    }

    @JsonProperty
    public double accountedPercent() {
        return percent(accounted, members);
    }

    @JsonProperty
    public double chiefOfMissionPercent() {
        return percent(chiefOfMissionAccounted, chiefOfMission);
    }

    public long count(CheckInStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /**
     * {@code part} of {@code whole} in percent, rounded down to one decimal so that 100 % means
     * everyone; 0 when {@code whole} is 0.
     */
    public static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.floor(1000.0 * part / whole) / 10.0;
    }
}
