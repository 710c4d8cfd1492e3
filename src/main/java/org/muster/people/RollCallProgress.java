package org.muster.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Marked;

/**
 * A roll-call as its live page shows it: the figures (of a closed roll-call, its frozen result), the
 * minutes elapsed since the start (until the close, for a closed one), and where the target line
 * stands: it rises linearly from 0 at the start to {@code targetPercent} at {@code targetMinutes}
 * and stays there. The target is measured on chief-of-mission personnel, or on all members when
 * the scope holds none. {@code onlyLocations} lists the locations a warden sees; null is everyone.
 */
public record RollCallProgress(
        RollCall rollCall, RollCallFigures figures, double elapsedMinutes, List<String> onlyLocations)
        implements Marked, Releasable {

    @Override
    public long postId() {
        return rollCall.postId();
    }

    @Override
    public List<?> releasableContent() {
        return List.of(rollCall);
    }

    /** Where the target line stands now, in percent. */
    @JsonProperty
    public double targetPercentNow() {
        double share = Math.min(1.0, elapsedMinutes / rollCall.targetMinutes());
        return Math.floor(rollCall.targetPercent() * share * 10) / 10.0;
    }

    /** The percentage the target is measured on. */
    @JsonProperty
    public double measuredPercent() {
        return figures.chiefOfMission() > 0 ? figures.chiefOfMissionPercent() : figures.accountedPercent();
    }

    @JsonProperty
    public boolean onTarget() {
        return measuredPercent() >= targetPercentNow();
    }

    @JsonProperty
    public boolean frozen() {
        return !rollCall.open();
    }
}
