package org.muster.committee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.muster.security.Releasable;
import org.muster.shared.Classification;
import org.muster.shared.Marked;

/**
 * A meeting's minutes as one reader may see them: the portions their clearance dominates, in
 * order, and how many are withheld (never their text or marking). {@code classification} is the
 * overall marking of what is shown: the highest shown portion's (unclassified when none), which
 * for a reader who sees every portion is the marking of the whole minutes.
 */
public record Minutes(@JsonIgnore long postId, List<MinutePortion> portions, int withheld)
        implements Marked, Releasable {

    public Minutes {
        portions = List.copyOf(portions);
    }

    @Override
    @JsonProperty
    public Classification classification() {
        return highest(portions);
    }

    @Override
    public List<?> releasableContent() {
        return portions;
    }

    static Classification highest(List<? extends Marked> content) {
        return content.stream()
                .map(Marked::classification)
                .max(Classification::compareTo)
                .orElse(Classification.UNCLASSIFIED);
    }
}
