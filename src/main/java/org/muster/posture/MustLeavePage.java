package org.muster.posture;

import java.util.List;
import org.muster.people.PersonSummary;
import org.muster.security.Releasable;
import org.muster.shared.Marked;

/**
 * One page of the people who must leave under the posture in force and have not left yet, and how
 * many there are in all. Pages count from 0.
 */
public record MustLeavePage(
        long postId, PostureStatus posture, List<PersonSummary> people, long total, int page, int size)
        implements Marked, Releasable {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    @Override
    public List<?> releasableContent() {
        return people;
    }
}
