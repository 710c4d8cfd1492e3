package org.muster.decisionpoints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.security.NeedToKnow;
import org.springframework.stereotype.Service;

/**
 * The domino picture: what other missions in a country are reported to have done, from the
 * observations whose event names a posture ("ORDERED_DEPARTURE", "authorized departure") at the
 * reader's posts in that country. Reads only what the reader may see.
 */
@Service
public class MissionPostures {
    private final Posts posts;
    private final ObservationStore observations;
    private final NeedToKnow needToKnow;

    MissionPostures(Posts posts, ObservationStore observations, NeedToKnow needToKnow) {
        this.posts = posts;
        this.observations = observations;
        this.needToKnow = needToKnow;
    }

    /**
     * The latest reported posture of each mission (by name, ignoring case and spacing) across the
     * reader's posts in {@code country}, most severe first, then by name.
     */
    public List<ReportedPosture> reported(String country) {
        String wanted = Indicator.normalise(country);
        Map<String, ReportedPosture> latest = new LinkedHashMap<>();
        for (Post post : posts.visible()) {
            if (!Indicator.normalise(post.country()).equals(wanted)) {
                continue;
            }
            for (Observation o : needToKnow.filter(observations.all(post.id()))) {
                var posture = MissionPosture.find(o.event());
                if (posture.isEmpty()) {
                    continue;
                }
                String mission = Indicator.normalise(o.subject());
                ReportedPosture before = latest.get(mission);
                if (before == null || !o.observedAt().isBefore(before.observedAt())) {
                    latest.put(
                            mission,
                            new ReportedPosture(
                                    o.postId(),
                                    o.subject(),
                                    posture.get(),
                                    o.observedAt(),
                                    o.source(),
                                    o.confidence(),
                                    o.id(),
                                    o.classification()));
                }
            }
        }
        List<ReportedPosture> result = new ArrayList<>(latest.values());
        result.sort(Comparator.comparing(ReportedPosture::posture)
                .reversed()
                .thenComparing(r -> Indicator.normalise(r.mission())));
        return result;
    }
}
