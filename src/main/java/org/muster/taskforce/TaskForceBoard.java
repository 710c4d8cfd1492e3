package org.muster.taskforce;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muster.decisionpoints.Crossing;
import org.muster.decisionpoints.Crossings;
import org.muster.decisionpoints.MissionPostures;
import org.muster.people.PeopleRegistry;
import org.muster.people.PostTotals;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.posture.Crises;
import org.muster.posture.PostureRequest;
import org.muster.posture.PostureStatus;
import org.muster.posture.Postures;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the task force's page: every post the reader is a member of, with a fixed number of
 * statements whatever the number of posts (posts, postures, head-counts, crossings, requests, the
 * domino picture: one or two each), so the page stays fast at 270 posts. Read-only, in one
 * repeatable-read transaction so the figures agree with each other. Times from the injected clock.
 */
@Service
public class TaskForceBoard {
    /** Crossings listed under each post; the counts cover all of them. */
    public static final int CROSSINGS_PER_POST = 3;
    /** Overdue deadlines listed at the top of the page; the total counts all of them. */
    public static final int OVERDUE_SHOWN = 50;

    private final Posts posts;
    private final Postures postures;
    private final PeopleRegistry people;
    private final Crossings crossings;
    private final MissionPostures missions;
    private final Crises crises;
    private final NeedToKnow needToKnow;
    private final Clock clock;

    TaskForceBoard(
            Posts posts,
            Postures postures,
            PeopleRegistry people,
            Crossings crossings,
            MissionPostures missions,
            Crises crises,
            NeedToKnow needToKnow,
            Clock clock) {
        this.posts = posts;
        this.postures = postures;
        this.people = people;
        this.crossings = crossings;
        this.missions = missions;
        this.crises = crises;
        this.needToKnow = needToKnow;
        this.clock = clock;
    }

    /** The page for a task-force user or an approving authority; others are refused (403). */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public TaskForceOverview overview() {
        Reader reader = needToKnow.requireRole(Role.TASK_FORCE, Role.APPROVING_AUTHORITY);
        Instant now = clock.instant();
        List<Post> mine = posts.visible();
        List<Long> ids = mine.stream().map(Post::id).toList();
        Map<Long, PostureStatus> statuses = postures.currentAll(ids);
        Map<Long, PostTotals> totals = people.totals(ids);
        List<Crossing> undecided = crossings.forPosts(ids);
        List<PostureRequest> pending = postures.pending(ids);

        Map<Long, List<Crossing>> crossingsByPost = new HashMap<>();
        undecided.forEach(c -> crossingsByPost
                .computeIfAbsent(c.postId(), k -> new ArrayList<>())
                .add(c));
        Map<Long, List<PostureRequest>> pendingByPost = new HashMap<>();
        pending.forEach(r -> pendingByPost
                .computeIfAbsent(r.postId(), k -> new ArrayList<>())
                .add(r));

        List<PostOverview> overviews = new ArrayList<>();
        for (Post post : mine) {
            List<Crossing> list = crossingsByPost.getOrDefault(post.id(), List.of());
            PostureStatus status = statuses.get(post.id());
            overviews.add(new PostOverview(
                    post,
                    status,
                    postures.clocks(status),
                    totals.get(post.id()),
                    list.size(),
                    (int) list.stream().filter(c -> c.overdueAt(now)).count(),
                    List.copyOf(list.subList(0, Math.min(CROSSINGS_PER_POST, list.size()))),
                    pendingByPost.getOrDefault(post.id(), List.of())));
        }
        overviews.sort(Comparator.comparingInt(PostOverview::urgency)
                .reversed()
                .thenComparing(o -> o.post().code()));
        Set<Long> decidable = new HashSet<>();
        if (reader.has(Role.APPROVING_AUTHORITY)) {
            for (PostureRequest r : pending) {
                crises.current(r.postId())
                        .filter(c -> c.approver().username().equals(reader.username()))
                        .ifPresent(c -> decidable.add(r.id()));
            }
        }
        List<Crossing> overdue =
                undecided.stream().filter(c -> c.overdueAt(now)).toList();
        return new TaskForceOverview(
                now,
                overviews,
                List.copyOf(overdue.subList(0, Math.min(OVERDUE_SHOWN, overdue.size()))),
                overdue.size(),
                pending,
                decidable,
                missions.reportedByCountry(ids));
    }
}
