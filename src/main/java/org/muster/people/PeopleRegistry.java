package org.muster.people;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.muster.audit.AuditLog;
import org.muster.security.NeedToKnow;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people register of each post. Reads need membership of the post; {@link #addAll} is the bulk
 * path (one audit entry per batch) used by the demo and, later, list imports.
 */
@Service
public class PeopleRegistry {
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final Clock clock;

    PeopleRegistry(JdbcClient jdbc, DataSource dataSource, NeedToKnow needToKnow, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
    }

    /** The post's head-count now, for a member of the post. */
    public Headcount headcount(long postId) {
        needToKnow.requireMember(postId);
        Counts counts = count(
                "select category, chief_of_mission, location, citizenship, count(*) from person where post_id = ?"
                        + " group by 1, 2, 3, 4",
                postId);
        long households = jdbc.sql("select count(*) from household where post_id = ?")
                .param(postId)
                .query(Long.class)
                .single();
        long minors = jdbc.sql("select count(*) from person where post_id = ? and unaccompanied_minor")
                .param(postId)
                .query(Long.class)
                .single();
        return counts.headcount(postId, null, households, minors);
    }

    /**
     * The four figures of {@link PostTotals} for each of {@code postIds} the reader is a member of (others
     * are left out), read in one statement for any number of posts: the task force's overview. The
     * figures are kept per post by triggers on {@code person} (V10), in the transaction of each change,
     * so reading them costs one row per post however many people are registered.
     */
    public java.util.Map<Long, PostTotals> totals(java.util.Collection<Long> postIds) {
        java.util.Set<Long> mine = needToKnow.visiblePostIds();
        Long[] ids = postIds.stream().filter(mine::contains).distinct().toArray(Long[]::new);
        java.util.Map<Long, PostTotals> totals = new java.util.HashMap<>();
        for (Long id : ids) {
            totals.put(id, PostTotals.empty(id));
        }
        if (ids.length == 0) {
            return totals;
        }
        jdbc.sql("select post_id, people, chief_of_mission, verified, claimed from person_totals"
                        + " where post_id = any(?)")
                .param(ids)
                .query((rs, n) ->
                        new PostTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list()
                .forEach(t -> totals.put(t.postId(), t));
        return totals;
    }

    /**
     * The post's head-count as the register stood at an instant: each person's category, location and
     * citizenship as last recorded at or before it; people added later are not counted.
     */
    public Headcount headcount(long postId, OffsetDateTime asOf) {
        needToKnow.requireMember(postId);
        Counts counts = count(
                "select category, chief_of_mission, location, citizenship, count(*) from ("
                        + " select distinct on (person_id) category, chief_of_mission, location, citizenship"
                        + " from person_state where post_id = ? and valid_from <= ? order by person_id, valid_from desc"
                        + ") s group by 1, 2, 3, 4",
                postId,
                asOf);
        long households = jdbc.sql("select count(*) from household where post_id = ? and created_at <= ?")
                .params(postId, asOf)
                .query(Long.class)
                .single();
        return counts.headcount(postId, asOf, households, null);
    }

    /** Running totals while reading grouped rows. */
    private static final class Counts {
        final Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        final Map<String, Long> byLocation =
                new java.util.TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        long com;
        long verified;
        long claimed;

        Headcount headcount(long postId, OffsetDateTime asOf, long households, Long minors) {
            return new Headcount(postId, asOf, byCategory, byLocation, com, households, minors, verified, claimed);
        }
    }

    private Counts count(String sql, Object... params) {
        Counts c = new Counts();
        jdbc.sql(sql).params(params).query(rs -> {
            Category category = Category.valueOf(rs.getString(1));
            long n = rs.getLong(5);
            c.byCategory.merge(category, n, Long::sum);
            c.byLocation.merge(rs.getString(3), n, Long::sum);
            if (rs.getBoolean(2)) {
                c.com += n;
            }
            if (category == Category.PRIVATE_US_CITIZEN) {
                String citizenship = rs.getString(4);
                c.verified += "VERIFIED".equals(citizenship) ? n : 0;
                c.claimed += "DISPROVED".equals(citizenship) ? 0 : n;
            }
        });
        return c;
    }

    /**
     * Adds people to a post in one transaction, creating one household per distinct
     * {@code householdKey}; returns how many were added. Without a signed-in user (start-up, command
     * line) it runs as system; a signed-in caller must be a member of the post.
     */
    @Transactional
    public int addAll(long postId, List<NewPerson> people, String source) {
        needToKnow.requireMemberIfSignedIn(postId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Long> households = createHouseholds(postId, people, now);
        StringBuilder csv = new StringBuilder(people.size() * 80);
        for (NewPerson p : people) {
            Long household = p.householdKey() == null ? null : households.get(p.householdKey());
            csv.append(postId).append(',');
            csv.append(household == null ? "" : household.toString()).append(',');
            Csv.quote(csv, p.givenName()).append(',');
            Csv.quote(csv, p.familyName()).append(',');
            csv.append(p.category().name()).append(',');
            csv.append(p.category().chiefOfMission()).append(',');
            csv.append(p.nationality() == null ? "" : p.nationality()).append(',');
            csv.append(p.dateOfBirth() == null ? "" : p.dateOfBirth().toString())
                    .append(',');
            csv.append(now).append(',');
            Csv.quote(csv, p.location()).append('\n');
        }
        copyIn(
                "copy person (post_id, household_id, given_name, family_name, category, chief_of_mission, nationality,"
                        + " date_of_birth, created_at, location) from stdin (format csv)",
                csv);
        jdbc.sql("insert into person_state (person_id, valid_from, post_id, category, chief_of_mission, location)"
                        + " select id, created_at, post_id, category, chief_of_mission, location from person"
                        + " where post_id = ? and created_at = ?")
                .params(postId, now)
                .update();
        audit.record(
                "people.added",
                postId,
                people.size() + " people in " + households.size() + " households from " + source);
        return people.size();
    }

    /** One household per distinct key, created in one statement; returns their ids by key. */
    private Map<String, Long> createHouseholds(long postId, List<NewPerson> people, OffsetDateTime now) {
        String[] keys = people.stream()
                .map(NewPerson::householdKey)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toArray(String[]::new);
        Map<String, Long> households = new HashMap<>();
        if (keys.length > 0) {
            jdbc.sql("insert into household (post_id, name, created_at) select ?, k, ? from unnest(?::text[]) k"
                            + " returning id, name")
                    .params(postId, now, keys)
                    .query(rs -> {
                        households.put(rs.getString(2), rs.getLong(1));
                    });
        }
        return households;
    }

    /** Streams rows to PostgreSQL's COPY on the transaction's own connection. */
    private void copyIn(String sql, CharSequence rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Bulk insert failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
