package org.muster.posture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads requests, the posture in force and reviews; callers check access first. */
@Component
class PostureRows {
    static final String REQUEST = "select * from posture_request";

    private final JdbcClient jdbc;

    PostureRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The posture in force at the post, with the start of its departure run and its last review. */
    PostureStatus status(long postId) {
        return statuses(new Long[] {postId}).get(postId);
    }

    /**
     * The posture in force at each of the posts (normal where nothing was ever approved), read in two
     * statements whatever the number of posts.
     */
    Map<Long, PostureStatus> statuses(Long[] postIds) {
        record Period(
                long id,
                long postId,
                String posture,
                String[] categories,
                Integer underAge,
                OffsetDateTime start,
                long requestId,
                String approvedBy) {}
        Map<Long, List<Period>> periods = new HashMap<>();
        jdbc.sql("select id, post_id, posture, categories, under_age, started_at, request_id, approved_by"
                        + " from posture_period where post_id = any(?) order by post_id, started_at desc, id desc")
                .param(postIds)
                .query((rs, n) -> new Period(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        (String[]) rs.getArray(4).getArray(),
                        rs.getObject(5, Integer.class),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getLong(7),
                        rs.getString(8)))
                .list()
                .forEach(p -> periods.computeIfAbsent(p.postId(), k -> new ArrayList<>())
                        .add(p));
        Long[] current = periods.values().stream().map(l -> l.get(0).id()).toArray(Long[]::new);
        Map<Long, OffsetDateTime> lastReviews = new HashMap<>();
        if (current.length > 0) {
            jdbc.sql(
                            "select period_id, max(reviewed_at) from posture_review where period_id = any(?) group by period_id")
                    .param(current)
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
                    .list()
                    .forEach(e -> lastReviews.put(e.getKey(), e.getValue()));
        }
        Map<Long, PostureStatus> statuses = new HashMap<>();
        for (Long postId : postIds) {
            List<Period> list = periods.get(postId);
            if (list == null) {
                statuses.put(postId, PostureStatus.normal(postId));
                continue;
            }
            Period now = list.get(0);
            OffsetDateTime departureSince = null;
            for (Period p : list) {
                if (!Posture.valueOf(p.posture()).departure()) {
                    break;
                }
                departureSince = p.start();
            }
            statuses.put(
                    postId,
                    new PostureStatus(
                            postId,
                            Posture.valueOf(now.posture()),
                            Subset.of(now.categories(), now.underAge()),
                            now.start(),
                            now.requestId(),
                            now.approvedBy(),
                            departureSince,
                            lastReviews.get(now.id())));
        }
        return statuses;
    }

    /** The id of the period in force, if any. */
    Optional<Long> periodInForce(long postId) {
        return jdbc.sql("select id from posture_period where post_id = ? and ended_at is null")
                .param(postId)
                .query(Long.class)
                .optional();
    }

    /** One request; 404 when there is none. */
    PostureRequest request(long requestId) {
        return jdbc.sql(REQUEST + " where id = ?")
                .param(requestId)
                .query(PostureRows::request)
                .optional()
                .orElseThrow(() -> new NotFoundException("No posture request " + requestId));
    }

    List<PostureRequest> requests(long postId) {
        return jdbc.sql(REQUEST + " where post_id = ? order by id desc")
                .param(postId)
                .query(PostureRows::request)
                .list();
    }

    List<PostureReview> reviews(long postId) {
        return jdbc.sql("select r.*, p.post_id, p.posture from posture_review r join posture_period p on p.id ="
                        + " r.period_id where p.post_id = ? order by r.reviewed_at desc, r.id desc")
                .param(postId)
                .query((rs, n) -> new PostureReview(
                        rs.getLong("id"),
                        rs.getLong("post_id"),
                        Posture.valueOf(rs.getString("posture")),
                        rs.getObject("reviewed_at", OffsetDateTime.class),
                        rs.getString("reviewed_by"),
                        rs.getString("note")))
                .list();
    }

    static PostureRequest request(ResultSet rs, int row) throws SQLException {
        return new PostureRequest(
                rs.getLong("id"),
                rs.getLong("post_id"),
                rs.getLong("crisis_id"),
                Posture.valueOf(rs.getString("posture")),
                Subset.of((String[]) rs.getArray("categories").getArray(), rs.getObject("under_age", Integer.class)),
                rs.getString("justification"),
                rs.getObject("requested_at", OffsetDateTime.class),
                rs.getString("requested_by"),
                PostureRequest.Status.valueOf(rs.getString("status")),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decided_by"),
                rs.getString("reason"));
    }
}
