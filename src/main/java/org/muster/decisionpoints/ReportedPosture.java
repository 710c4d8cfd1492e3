package org.muster.decisionpoints;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * The latest posture reported for another mission by a post's observations: which mission, which
 * posture, when it was observed and by which source, and the observation behind it.
 */
public record ReportedPosture(
        @JsonIgnore long postId,
        String mission,
        MissionPosture posture,
        Instant observedAt,
        String source,
        Confidence confidence,
        long observationId,
        Classification classification)
        implements Marked {

    /** The source with the report's confidence, as the task force's page shows it: "Press (moderate confidence)". */
    public String sourceAndConfidence() {
        return source + " (" + confidence.name().toLowerCase(java.util.Locale.ROOT) + " confidence)";
    }
}
