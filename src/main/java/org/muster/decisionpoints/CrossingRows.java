package org.muster.decisionpoints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.muster.shared.Classification;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code decision_point_crossing} rows. */
final class CrossingRows {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private CrossingRows() {}

    static Crossing crossing(ResultSet rs, JsonMapper json) throws SQLException {
        return new Crossing(
                rs.getLong("post_id"),
                rs.getLong("id"),
                rs.getString("key"),
                rs.getInt("version"),
                rs.getString("title"),
                json.readValue(rs.getString("actions"), STRINGS),
                Classification.valueOf(rs.getString("classification")),
                rs.getString("value"),
                instant(rs, "crossed_at"),
                instant(rs, "decide_by"),
                rs.getLong("observation_id"),
                instant(rs, "raised_at"),
                CrossingStatus.valueOf(rs.getString("status")),
                instant(rs, "decided_at"),
                rs.getString("decided_by"),
                rs.getString("decision_summary"),
                instant(rs, "escalated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
