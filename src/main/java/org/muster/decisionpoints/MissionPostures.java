package org.muster.decisionpoints;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    MissionPostures(Posts posts, ObservationStore observations, NeedToKnow needToKnow, JdbcClient jdbc) {
        this.posts = posts;
        this.observations = observations;
        this.needToKnow = needToKnow;
        this.jdbc = jdbc;
    }

    /**
     * As {@link #reported(String)} for the countries of all of {@code postIds} the reader is a member
     * of at once, keyed by country as the posts name it: one statement over the observations whose
     * event names a posture, whatever the number of posts and the length of their history. It reads
     * only the columns a report needs, all held by the partial index observation_posture_event (V10),
     * newest first, and keeps each mission's latest report per country (missions compared as
     * {@link Indicator#normalise} compares subjects). Only observations the reader's clearance
     * dominates are considered.
     */
    public Map<String, List<ReportedPosture>> reportedByCountry(Collection<Long> postIds) {
        Reader reader = needToKnow.reader();
        Long[] ids = postIds.stream().filter(reader::isMemberOf).distinct().toArray(Long[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        String[] markings = Arrays.stream(Classification.values())
                .filter(reader.clearance()::dominates)
                .map(Enum::name)
                .toArray(String[]::new);
        Map<String, List<ReportedPosture>> byCountry = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        jdbc.sql("select p.country, o.post_id, o.id, o.subject, o.event, o.observed_at, o.source, o.confidence,"
                        + " o.classification from observation o join post p on p.id = o.post_id"
                        + " where o.post_id = any(?) and o.classification = any(?) and " + POSTURE_EVENT
                        + " order by o.observed_at desc, o.id desc")
                .params(ids, markings)
                .query(rs -> {
                    String country = rs.getString("country");
                    String mission = rs.getString("subject");
                    var posture = MissionPosture.find(rs.getString("event"));
                    if (posture.isEmpty()
                            || !seen.add(Indicator.normalise(country) + "\n" + Indicator.normalise(mission))) {
                        return;
                    }
                    byCountry
                            .computeIfAbsent(country, k -> new ArrayList<>())
                            .add(new ReportedPosture(
                                    rs.getLong("post_id"),
                                    mission,
                                    posture.get(),
                                    rs.getObject("observed_at", OffsetDateTime.class)
                                            .toInstant(),
                                    rs.getString("source"),
                                    Confidence.valueOf(rs.getString("confidence")),
                                    rs.getLong("id"),
                                    Classification.valueOf(rs.getString("classification"))));
                });
        byCountry.values().forEach(l -> l.sort(ORDER));
        return byCountry;
    }

    /** The events {@link MissionPosture#find} recognises, as SQL; the partial index observation_posture_event has the same predicate. */
    static final String POSTURE_EVENT =
            "upper(translate(btrim(o.event), '- ', '__')) in ('NORMAL', 'NORMAL_OPERATIONS',"
                    + " 'AUTHORIZED_DEPARTURE', 'ORDERED_DEPARTURE', 'SUSPENSION', 'SUSPENSION_OF_OPERATIONS', 'SUSPENDED')";

    private static final Comparator<ReportedPosture> ORDER = Comparator.comparing(ReportedPosture::posture)
            .reversed()
            .thenComparing(r -> Indicator.normalise(r.mission()));

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
