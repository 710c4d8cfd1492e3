package org.muster.committee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import org.muster.shared.Marked;

/**
 * A seat on a post's Emergency Action Committee: the user, their committee title (deputy chief of
 * mission, regional security officer, ...) and whether they chair it (at most one chair a post).
 */
public record CommitteeMember(
        @JsonIgnore long postId,
        long userId,
        String username,
        String displayName,
        String title,
        boolean chair,
        OffsetDateTime addedAt,
        String addedBy)
        implements Marked {

    /** Titles the member form suggests; any other title of up to 100 characters is accepted too. */
    public static final java.util.List<String> USUAL_TITLES = java.util.List.of(
            "Deputy chief of mission",
            "Regional security officer",
            "Consular chief",
            "Management officer",
            "Defense attaché",
            "Public affairs officer",
            "Political chief",
            "Agency head");
}
