package org.muster.posture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
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
        record Period(
                long id,
                String posture,
                String[] categories,
                Integer underAge,
                OffsetDateTime start,
                long requestId,
                String approvedBy) {}
        List<Period> periods = jdbc.sql("select id, posture, categories, under_age, started_at, request_id, approved_by"
                        + " from posture_period where post_id = ? order by started_at desc, id desc")
                .param(postId)
                .query((rs, n) -> new Period(
                        rs.getLong(1),
                        rs.getString(2),
                        (String[]) rs.getArray(3).getArray(),
                        rs.getObject(4, Integer.class),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getLong(6),
                        rs.getString(7)))
                .list();
        if (periods.isEmpty()) {
            return PostureStatus.normal(postId);
        }
        Period current = periods.get(0);
        Posture posture = Posture.valueOf(current.posture());
        OffsetDateTime departureSince = null;
        for (Period p : periods) {
            if (!Posture.valueOf(p.posture()).departure()) {
                break;
            }
            departureSince = p.start();
        }
        OffsetDateTime lastReview = jdbc.sql(
                        "select reviewed_at from posture_review where period_id = ? order by reviewed_at desc limit 1")
                .param(current.id())
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
        return new PostureStatus(
                postId,
                posture,
                Subset.of(current.categories(), current.underAge()),
                current.start(),
                current.requestId(),
                current.approvedBy(),
                departureSince,
                lastReview);
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
