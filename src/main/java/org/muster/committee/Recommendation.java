package org.muster.committee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.muster.shared.Marked;

/**
 * What the committee recommends to the chief of mission, with the members' votes (one each) and
 * any recorded dissent. Drafts take votes; a final recommendation is kept as voted. Unclassified:
 * its basis is in the marked minutes and the worst-case assessment.
 */
public record Recommendation(
        @JsonIgnore long postId,
        long id,
        long meetingId,
        String text,
        RecommendedPosture posture,
        RecommendationStatus status,
        OffsetDateTime proposedAt,
        String proposedBy,
        OffsetDateTime finalisedAt,
        String finalisedBy,
        List<CastVote> votes)
        implements Marked {

    public Recommendation {
        votes = List.copyOf(votes);
    }

    public boolean isFinal() {
        return status == RecommendationStatus.FINAL;
    }

    public long count(Vote vote) {
        return votes.stream().filter(v -> v.vote() == vote).count();
    }

    /** The votes against that carry a dissent text. */
    @JsonProperty
    public List<CastVote> dissents() {
        return votes.stream().filter(v -> v.dissent() != null).toList();
    }

    public Optional<CastVote> voteOf(long userId) {
        return votes.stream().filter(v -> v.userId() == userId).findFirst();
    }
}
