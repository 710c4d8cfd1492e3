package org.muster.people;

import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Marked;

/** One page of the register and how many people match the filter in all. */
public record RegisterPage(long postId, List<PersonSummary> people, long total, int page, int size, boolean wardenScope)
        implements Marked, Releasable {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    @Override
    public List<?> releasableContent() {
        return people;
    }
}
