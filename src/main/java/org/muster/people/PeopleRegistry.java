package org.muster.people;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.audit.AuditLog;
import org.muster.security.NeedToKnow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people register of each post. Reads need membership of the post; {@link #addAll} is the bulk
 * path (one audit entry per batch) used by the demo and, later, list imports.
 */
@Service
public class PeopleRegistry {
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final Clock clock;

    PeopleRegistry(JdbcClient jdbc, JdbcTemplate jdbcTemplate, NeedToKnow needToKnow, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
    }

    /** The post's head-count now, for a member of the post. */
    public Headcount headcount(long postId) {
        needToKnow.requireMember(postId);
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        long[] com = {0};
        jdbc.sql("select category, chief_of_mission, count(*) from person where post_id = ? group by 1, 2")
                .param(postId)
                .query(rs -> {
                    Category c = Category.valueOf(rs.getString(1));
                    byCategory.merge(c, rs.getLong(3), Long::sum);
                    if (rs.getBoolean(2)) {
                        com[0] += rs.getLong(3);
                    }
                });
        long households = jdbc.sql("select count(*) from household where post_id = ?")
                .param(postId)
                .query(Long.class)
                .single();
        return new Headcount(postId, byCategory, com[0], households);
    }

    /**
     * Adds people to a post in one transaction, creating one household per distinct
     * {@code householdKey}; returns how many were added. Without a signed-in user (start-up, command
     * line) it runs as system; a signed-in caller must be a member of the post.
     */
    @Transactional
    public int addAll(long postId, List<NewPerson> people, String source) {
        needToKnow.currentReader().ifPresent(r -> needToKnow.requireMember(postId));
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Long> households = new HashMap<>();
        for (NewPerson p : people) {
            if (p.householdKey() != null && !households.containsKey(p.householdKey())) {
                long id = jdbc.sql("insert into household (post_id, name, created_at) values (?, ?, ?) returning id")
                        .params(postId, p.householdKey(), now)
                        .query(Long.class)
                        .single();
                households.put(p.householdKey(), id);
            }
        }
        jdbcTemplate.batchUpdate(
                "insert into person (post_id, household_id, given_name, family_name, category, chief_of_mission,"
                        + " nationality, date_of_birth, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                people,
                1000,
                (PreparedStatement ps, NewPerson p) -> {
                    ps.setLong(1, postId);
                    Long household = p.householdKey() == null ? null : households.get(p.householdKey());
                    if (household == null) {
                        ps.setNull(2, Types.BIGINT);
                    } else {
                        ps.setLong(2, household);
                    }
                    ps.setString(3, p.givenName());
                    ps.setString(4, p.familyName());
                    ps.setString(5, p.category().name());
                    ps.setBoolean(6, p.category().chiefOfMission());
                    ps.setString(7, p.nationality());
                    ps.setObject(8, p.dateOfBirth());
                    ps.setObject(9, now);
                });
        audit.record(
                "people.added",
                postId,
                people.size() + " people in " + households.size() + " households from " + source);
        return people.size();
    }
}
