package org.muster.people;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.muster.shared.Marked;

/** A warden of a post and the locations whose people they check in and see (possibly none yet). */
public record WardenAssignment(
        @JsonIgnore long postId, long userId, String username, String displayName, List<String> locations)
        implements Marked {

    public WardenAssignment {
        locations = List.copyOf(locations);
    }
}
