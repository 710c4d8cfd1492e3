package org.muster.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds people in a post's register. Members of the post may search it; a warden who holds no
 * broader role sees only the people in the locations assigned to them.
 */
@Service
public class PeopleDirectory {
    /** Roles that see a post's whole register; a warden without one of these sees their locations only. */
    static final Role[] WHOLE_REGISTER = {
        Role.CHIEF_OF_MISSION, Role.COMMITTEE_MEMBER, Role.SECURITY_OFFICER, Role.CONSULAR, Role.MANAGEMENT,
        Role.GATE, Role.TASK_FORCE, Role.APPROVING_AUTHORITY, Role.ADMINISTRATOR, Role.VIEWER
    };

    static final String SELECT = "select p.*, h.name household_name,"
            + " (select value from contact_point c where c.person_id = p.id and c.kind = 'EMAIL'"
            + "  order by c.last_verified desc nulls last, c.id limit 1) email,"
            + " (select value from contact_point c where c.person_id = p.id and c.kind = 'PHONE'"
            + "  order by c.last_verified desc nulls last, c.id limit 1) phone"
            + " from person p left join household h on h.id = p.household_id";

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;

    PeopleDirectory(JdbcClient jdbc, NeedToKnow needToKnow) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
    }

    /** Whether the current reader is limited to the locations assigned to them as warden. */
    public boolean wardenScope(long postId) {
        Reader r = needToKnow.requireMember(postId);
        return r.has(Role.WARDEN) && !r.hasAny(WHOLE_REGISTER);
    }

    @Transactional(readOnly = true)
    public RegisterPage page(long postId, RegisterQuery query) {
        boolean warden = wardenScope(postId);
        Where where = where(postId, query, warden);
        long total = jdbc.sql("select count(*) from person p where " + where.sql)
                .params(where.params)
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(where.params);
        params.add(query.size());
        params.add((long) query.page() * query.size());
        List<PersonSummary> people = jdbc.sql(
                        SELECT + " where " + where.sql + " order by p.family_name, p.given_name, p.id limit ? offset ?")
                .params(params)
                .query((rs, n) -> summary(rs))
                .list();
        return new RegisterPage(postId, people, total, query.page(), query.size(), warden);
    }

    /** Every person matching the filter, in register order, for an export; ignores the page. */
    @Transactional(readOnly = true)
    public void each(long postId, RegisterQuery query, Consumer<PersonSummary> consumer) {
        Where where = where(postId, query, wardenScope(postId));
        jdbc.sql(SELECT + " where " + where.sql + " order by p.family_name, p.given_name, p.id")
                .params(where.params)
                .query(rs -> {
                    consumer.accept(summary(rs));
                });
    }

    /**
     * One person of the post with contacts, documents, household, provenance and history. Contacts
     * not verified within {@code staleAfter} of {@code today} (or never) are marked stale.
     */
    @Transactional(readOnly = true)
    public PersonDetail person(long postId, long personId, LocalDate staleBefore) {
        boolean warden = wardenScope(postId);
        Where where = where(postId, RegisterQuery.all(0, 1), warden);
        List<Object> params = new ArrayList<>(where.params);
        params.add(personId);
        PersonSummary person = jdbc.sql(SELECT + " where " + where.sql + " and p.id = ?")
                .params(params)
                .query((rs, n) -> summary(rs))
                .optional()
                .orElseThrow(() -> new org.muster.shared.NotFoundException("No person #" + personId + " in this post"));
        var dates = jdbc.sql("select tdy_arrival, tdy_departure from person where id = ?")
                .param(personId)
                .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .single();
        List<PersonDetail.Contact> contacts = jdbc.sql(
                        "select c.kind, c.value, c.last_verified, s.name from contact_point c"
                                + " left join import_file f on f.id = c.import_id left join import_source s on s.id = f.source_id"
                                + " where c.person_id = ? order by c.kind, c.last_verified desc nulls last")
                .param(personId)
                .query((rs, n) -> {
                    LocalDate verified = rs.getObject(3, LocalDate.class);
                    return new PersonDetail.Contact(
                            rs.getString(1),
                            rs.getString(2),
                            verified,
                            verified == null || verified.isBefore(staleBefore),
                            rs.getString(4));
                })
                .list();
        List<PersonDetail.Document> documents = jdbc.sql(
                        "select kind, number, issuing_country, expires from identity_document where person_id = ? order by id")
                .param(personId)
                .query((rs, n) -> new PersonDetail.Document(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
                .list();
        List<PersonSummary> household = person.householdId() == null
                ? List.of()
                : jdbc.sql(SELECT + " where p.household_id = ? and p.id <> ? order by p.date_of_birth nulls last")
                        .params(person.householdId(), personId)
                        .query((rs, n) -> summary(rs))
                        .list();
        List<PersonDetail.Source> sources = jdbc.sql(
                        "select s.name, f.filename, f.id, ps.row_number, ps.fields, f.committed_at"
                                + " from person_source ps join import_file f on f.id = ps.import_id"
                                + " join import_source s on s.id = f.source_id where ps.person_id = ? order by f.id desc, ps.row_number")
                .param(personId)
                .query((rs, n) -> new PersonDetail.Source(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getInt(4),
                        java.util.Arrays.stream((String[]) rs.getArray(5).getArray())
                                .map(f -> ImportField.valueOf(f).label())
                                .toList(),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
        List<PersonDetail.State> history = jdbc.sql(
                        "select valid_from, category, location, citizenship from person_state"
                                + " where person_id = ? order by valid_from desc")
                .param(personId)
                .query((rs, n) -> new PersonDetail.State(
                        rs.getObject(1, OffsetDateTime.class),
                        Category.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4)))
                .list();
        return new PersonDetail(person, dates[0], dates[1], contacts, documents, household, sources, history);
    }

    /** The distinct locations people of the post are in, for filters. */
    public List<String> locations(long postId) {
        needToKnow.requireMember(postId);
        return jdbc.sql("select distinct location from person where post_id = ? and location is not null order by 1")
                .param(postId)
                .query(String.class)
                .list();
    }

    private record Where(String sql, List<Object> params) {}

    private Where where(long postId, RegisterQuery q, boolean warden) {
        StringBuilder sql = new StringBuilder("p.post_id = ?");
        List<Object> params = new ArrayList<>(List.of(postId));
        if (warden) {
            sql.append(" and p.location in (select location from warden_assignment where post_id = ? and user_id = ?)");
            params.add(postId);
            params.add(needToKnow.reader().userId());
        }
        if (q.text() != null) {
            String like = "%"
                    + q.text()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            sql.append(
                    " and (lower(p.family_name) like ? or lower(p.given_name) like ?"
                            + " or exists (select 1 from contact_point c where c.person_id = p.id and lower(c.value) like ?)"
                            + " or exists (select 1 from identity_document d where d.person_id = p.id and lower(d.number) like ?))");
            params.addAll(List.of(like, like, like, like));
        }
        if (q.category() != null) {
            sql.append(" and p.category = ?");
            params.add(q.category().name());
        }
        if (q.location() != null) {
            sql.append(" and p.location = ?");
            params.add(q.location());
        }
        if (q.citizenship() != null) {
            sql.append(" and p.citizenship = ?");
            params.add(q.citizenship());
        }
        if (q.intent() != null) {
            sql.append(" and p.intent = ?");
            params.add(q.intent());
        }
        if (q.minorsOnly()) {
            sql.append(" and p.unaccompanied_minor");
        }
        if (q.chiefOfMissionOnly()) {
            sql.append(" and p.chief_of_mission");
        }
        return new Where(sql.toString(), params);
    }

    static PersonSummary summary(ResultSet rs) throws SQLException {
        return new PersonSummary(
                rs.getLong("id"),
                rs.getLong("post_id"),
                rs.getString("family_name"),
                rs.getString("given_name"),
                Category.valueOf(rs.getString("category")),
                rs.getBoolean("chief_of_mission"),
                rs.getBoolean("emergency_staff"),
                rs.getString("nationality"),
                rs.getObject("date_of_birth", LocalDate.class),
                rs.getObject("household_id", Long.class),
                rs.getString("household_name"),
                rs.getString("relationship"),
                rs.getBoolean("unaccompanied_minor"),
                rs.getString("citizenship"),
                rs.getString("intent"),
                rs.getString("location"),
                rs.getObject("last_contact_at", OffsetDateTime.class),
                rs.getString("email"),
                rs.getString("phone"));
    }
}
