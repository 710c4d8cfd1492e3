package org.muster.people;

import java.util.List;

/**
 * A batch of check-ins changed the current status of these people in a roll-call: one event per
 * batch rather than one per person, so that a batch of 500 costs one publication.
 */
public record CheckInsApplied(long postId, long rollCallId, List<Long> personIds) {}
