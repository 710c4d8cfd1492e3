package org.muster.committee;

/** A draft takes votes; a final recommendation is kept as voted and goes to the chief of mission. */
public enum RecommendationStatus {
    DRAFT,
    FINAL
}
