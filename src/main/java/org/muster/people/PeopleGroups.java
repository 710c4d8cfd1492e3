package org.muster.people;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.muster.security.NeedToKnow;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups of a post's people chosen by category, authority and age ({@link PersonGroup}), for lists
 * that other modules keep (the posture module's list of who must leave), and the number of people
 * under chief-of-mission authority over time. Reads need membership of the post; a reader who is
 * only a warden gets the people of their assigned locations, as in the register.
 */
@Service
public class PeopleGroups {
    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final PeopleDirectory directory;

    PeopleGroups(JdbcClient jdbc, NeedToKnow needToKnow, PeopleDirectory directory) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.directory = directory;
    }

    /** One page (from 0, {@code size} 1 to 500) of the group in register order, and its size. */
    @Transactional(readOnly = true)
    public RegisterPage page(long postId, PersonGroup group, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new InvalidInputException("size", "must be between 1 and 500");
        }
        boolean warden = directory.wardenScope(postId);
        Where where = where(postId, group, warden);
        long total = jdbc.sql("select count(*) from person p where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) page * size);
        List<PersonSummary> people = jdbc.sql(PeopleDirectory.SELECT + " where " + where.sql()
                        + " order by p.family_name, p.given_name, p.id limit ? offset ?")
                .params(params)
                .query((rs, n) -> PeopleDirectory.summary(rs))
                .list();
        return new RegisterPage(postId, people, total, page, size, warden);
    }

    /** Everyone in the group, in register order. */
    @Transactional(readOnly = true)
    public List<PersonSummary> list(long postId, PersonGroup group) {
        Where where = where(postId, group, directory.wardenScope(postId));
        return jdbc.sql(PeopleDirectory.SELECT + " where " + where.sql()
                        + " order by p.family_name, p.given_name, p.id")
                .params(where.params())
                .query((rs, n) -> PeopleDirectory.summary(rs))
                .list();
    }

    /** How many people the group holds. */
    public long count(long postId, PersonGroup group) {
        Where where = where(postId, group, directory.wardenScope(postId));
        return jdbc.sql("select count(*) from person p where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /**
     * How many people under chief-of-mission authority the post's register held at each instant, in
     * order: the figure {@code PeopleRegistry.headcount(postId, asOf).chiefOfMission()} gives, for
     * many instants in one query (a drawdown's daily series).
     */
    public List<Long> chiefOfMissionAt(long postId, List<OffsetDateTime> instants) {
        needToKnow.requireMember(postId);
        if (instants.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("with s as (select chief_of_mission, valid_from, lead(valid_from) over (partition by person_id"
                        + " order by valid_from) valid_to from person_state where post_id = ?)"
                        + " select count(s.valid_from) from unnest(?::text[]::timestamptz[]) with ordinality t(at, i)"
                        + " left join s on s.chief_of_mission and s.valid_from <= t.at"
                        + " and (s.valid_to is null or s.valid_to > t.at) group by t.i order by t.i")
                .params(postId, instants.stream().map(OffsetDateTime::toString).toArray(String[]::new))
                .query(Long.class)
                .list();
    }

    private record Where(String sql, List<Object> params) {}

    private Where where(long postId, PersonGroup g, boolean warden) {
        StringBuilder sql = new StringBuilder("p.post_id = ?");
        List<Object> params = new ArrayList<>(List.of(postId));
        if (warden) {
            sql.append(" and p.location in (select location from warden_assignment where post_id = ? and user_id = ?)");
            params.add(postId);
            params.add(needToKnow.reader().userId());
        }
        if (!g.categories().isEmpty()) {
            sql.append(" and p.category = any(?)");
            params.add(g.categories().stream().map(Enum::name).toArray(String[]::new));
        }
        if (g.chiefOfMissionOnly()) {
            sql.append(" and p.chief_of_mission");
        }
        if (g.underAge() != null) {
            sql.append(" and p.date_of_birth > ?");
            params.add(g.on().minusYears(g.underAge()));
        }
        if (g.withoutEmergencyStaff()) {
            sql.append(" and not p.emergency_staff");
        }
        if (!g.except().isEmpty()) {
            sql.append(" and p.id <> all(?)");
            params.add(g.except().toArray(Long[]::new));
        }
        return new Where(sql.toString(), params);
    }
}
