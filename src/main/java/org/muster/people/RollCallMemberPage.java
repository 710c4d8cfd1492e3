package org.muster.people;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Marked;

/**
 * One page of a roll-call's members, with how many match the filter in all; {@code onlyLocations}
 * is the warden's locations the page is limited to (null when it is not limited).
 */
public record RollCallMemberPage(
        @JsonIgnore long postId,
        long rollCallId,
        List<RollCallMember> items,
        int page,
        int pageSize,
        long total,
        List<String> onlyLocations)
        implements Marked, Releasable {

    public RollCallMemberPage {
        items = List.copyOf(items);
        onlyLocations = onlyLocations == null ? null : List.copyOf(onlyLocations);
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
