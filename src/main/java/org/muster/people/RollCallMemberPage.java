package org.muster.people;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Marked;

/** One page of a roll-call's members, with how many match the filter in all. */
public record RollCallMemberPage(
        @JsonIgnore long postId, long rollCallId, List<RollCallMember> items, int page, int pageSize, long total)
        implements Marked, Releasable {

    public RollCallMemberPage {
        items = List.copyOf(items);
    }

    @Override
    public List<?> releasableContent() {
        return items;
    }

    public int pages() {
        return (int) ((total + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
