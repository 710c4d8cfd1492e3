package org.muster.decisionpoints;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.muster.shared.Marked;

/** One saved version of a post's decision points (its own document, before the baseline is merged in). */
public record SetVersion(@JsonIgnore long postId, int version, String savedBy, Instant savedAt, int decisionPoints)
        implements Marked {}
