package org.muster.decisionpoints;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The saved versions of decision-point sets ({@code decision_point_set}), the baseline's under a null
 * post. No access checks here: the services call {@code NeedToKnow} first.
 */
@Component
class SetStore {
    /** A saved version; {@code postId} null for the baseline. */
    record Stored(Long postId, int version, DecisionPointSet set, String savedBy, Instant savedAt) {}

    private final JdbcClient jdbc;

    SetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest version of a post's set, or of the baseline when {@code postId} is null. */
    Optional<Stored> latest(Long postId) {
        return jdbc.sql("select * from decision_point_set where post_id is not distinct from ?::bigint"
                        + " order by version desc limit 1")
                .param(postId)
                .query(SetStore::stored)
                .optional();
    }

    Optional<Stored> version(Long postId, int version) {
        return jdbc.sql("select * from decision_point_set where post_id is not distinct from ?::bigint and version = ?")
                .params(postId, version)
                .query(SetStore::stored)
                .optional();
    }

    /** Versions of a post's set (or the baseline's), newest first. */
    List<SetVersion> versions(Long postId) {
        return jdbc.sql(
                        "select post_id, version, saved_by, saved_at, jsonb_array_length(document -> 'decisionPoints') n"
                                + " from decision_point_set where post_id is not distinct from ?::bigint order by version desc")
                .param(postId)
                .query((rs, n) -> new SetVersion(
                        rs.getLong("post_id"),
                        rs.getInt("version"),
                        rs.getString("saved_by"),
                        rs.getObject("saved_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("n")))
                .list();
    }

    /** Saves the next version; the caller holds the post's evaluation lock, so versions do not race. */
    int insert(Long postId, DecisionPointSet set, String savedBy, Instant at) {
        return jdbc.sql("insert into decision_point_set (post_id, version, document, saved_by, saved_at)"
                        + " select ?::bigint, coalesce(max(version), 0) + 1, ?::jsonb, ?, ? from decision_point_set"
                        + " where post_id is not distinct from ?::bigint returning version")
                .params(
                        postId,
                        DecisionPointJson.write(set, Map.of()),
                        savedBy,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        postId)
                .query(Integer.class)
                .single();
    }

    /** The set in force at a post, unfiltered: for evaluation, which sees every marking. */
    EffectiveSet effective(long postId) {
        Optional<Stored> baseline = latest(null);
        Optional<Stored> own = latest(postId);
        DecisionPointSet b = baseline.map(Stored::set).orElse(DecisionPointSet.EMPTY);
        DecisionPointSet p = own.map(Stored::set).orElse(DecisionPointSet.EMPTY);
        return new EffectiveSet(
                postId,
                own.map(Stored::version).orElse(0),
                baseline.map(Stored::version).orElse(0),
                own.or(() -> baseline).map(Stored::savedBy).orElse(null),
                own.or(() -> baseline).map(Stored::savedAt).orElse(null),
                BaselineRule.assumptions(b, p),
                BaselineRule.merge(postId, b, p));
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        long post = rs.getLong("post_id");
        Long postId = rs.wasNull() ? null : post;
        return new Stored(
                postId,
                rs.getInt("version"),
                DecisionPointJson.read(rs.getString("document").getBytes(StandardCharsets.UTF_8)),
                rs.getString("saved_by"),
                rs.getObject("saved_at", OffsetDateTime.class).toInstant());
    }
}
