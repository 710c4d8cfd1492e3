package org.muster.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.muster.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The people of a roll-call, with their contact details: for the unaccounted list, its filters and
 * the row an officer just answered for. Any member of the post reads them; a reader who is only a
 * warden, the people in their assigned locations. A contact is stale when it was never verified or
 * last verified longer ago than {@code muster.people.contact-stale-after} (default 90 days), by the
 * injected clock.
 */
@Service
public class RollCallMembers {
    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final RollCallAccess access;
    private final Clock clock;
    private final Duration staleAfter;

    RollCallMembers(
            JdbcClient jdbc,
            RollCallAccess access,
            Clock clock,
            @Value("${muster.people.contact-stale-after:90d}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** The members matching the filter, by family and given name, {@value #PAGE_SIZE} a page. */
    public RollCallMemberPage members(long postId, long rollCallId, RollCallMemberFilter filter) {
        var view = access.view(postId);
        List<Object> params = new ArrayList<>(List.of(view.locationParams()));
        StringBuilder where = new StringBuilder();
        if (filter.status() != null) {
            where.append(" and m.status = ?");
            params.add(filter.status().name());
        }
        if (filter.category() != null) {
            where.append(" and p.category = ?");
            params.add(filter.category().name());
        }
        if (filter.location() != null) {
            where.append(" and m.location = ?");
            params.add(filter.location());
        }
        if (filter.name() != null) {
            where.append(" and (p.given_name || ' ' || p.family_name) ilike ? escape '\\'");
            params.add("%" + filter.name().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        params.add(postId);
        params.add(rollCallId);
        params.add(PAGE_SIZE);
        params.add((long) filter.page() * PAGE_SIZE);
        long[] total = {0};
        List<RollCallMember> items = jdbc.sql(SELECT + " and (? or m.location = any(?))" + where
                        + " and r.post_id = ? and r.id = ? order by p.family_name, p.given_name, p.id limit ? offset ?")
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return member(rs, postId, List.of());
                })
                .list();
        if (items.isEmpty() && filter.page() > 0) {
            return new RollCallMemberPage(
                    postId, rollCallId, List.of(), filter.page(), PAGE_SIZE, 0, view.onlyLocations());
        }
        return new RollCallMemberPage(
                postId, rollCallId, withContacts(items), filter.page(), PAGE_SIZE, total[0], view.onlyLocations());
    }

    /** One member, as the reader may see them; 404 for someone outside the roll-call or the warden's view. */
    public RollCallMember member(long postId, long rollCallId, long personId) {
        var view = access.view(postId);
        List<RollCallMember> found = jdbc.sql(
                        SELECT + " and (? or m.location = any(?)) and r.post_id = ? and r.id = ? and m.person_id = ?")
                .params(view.locationParams())
                .params(postId, rollCallId, personId)
                .query((rs, n) -> member(rs, postId, List.of()))
                .list();
        if (found.isEmpty()) {
            throw new NotFoundException("No person " + personId + " in roll-call " + rollCallId + " that you can see");
        }
        return withContacts(found).get(0);
    }

    private static final String SELECT = "select m.*, p.given_name, p.family_name, p.category, count(*) over () total"
            + " from roll_call_member m join roll_call r on r.id = m.roll_call_id join person p on p.id = m.person_id"
            + " where true";

    private List<RollCallMember> withContacts(List<RollCallMember> members) {
        if (members.isEmpty()) {
            return members;
        }
        LocalDate cutoff = LocalDate.ofInstant(clock.instant().minus(staleAfter), ZoneOffset.UTC);
        Map<Long, List<RollCallMember.Contact>> contacts = new HashMap<>();
        jdbc.sql("select person_id, kind, value, last_verified from contact_point where person_id = any(?)"
                        + " order by person_id, kind, value")
                .param(members.stream().map(RollCallMember::personId).toArray(Long[]::new))
                .query(rs -> {
                    LocalDate verified = rs.getObject(4, LocalDate.class);
                    contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new RollCallMember.Contact(
                                    rs.getString(2),
                                    rs.getString(3),
                                    verified,
                                    verified == null || verified.isBefore(cutoff)));
                });
        return members.stream()
                .map(m -> new RollCallMember(
                        m.postId(),
                        m.rollCallId(),
                        m.personId(),
                        m.givenName(),
                        m.familyName(),
                        m.category(),
                        m.location(),
                        m.chiefOfMission(),
                        m.status(),
                        m.channel(),
                        m.reportedBy(),
                        m.reportedAt(),
                        m.lastCheckIn(),
                        contacts.getOrDefault(m.personId(), List.of())))
                .toList();
    }

    private static RollCallMember member(ResultSet rs, long postId, List<RollCallMember.Contact> contacts)
            throws SQLException {
        String channel = rs.getString("channel");
        return new RollCallMember(
                postId,
                rs.getLong("roll_call_id"),
                rs.getLong("person_id"),
                rs.getString("given_name"),
                rs.getString("family_name"),
                Category.valueOf(rs.getString("category")),
                rs.getString("location"),
                rs.getBoolean("chief_of_mission"),
                CheckInStatus.valueOf(rs.getString("status")),
                channel == null ? null : CheckInChannel.valueOf(channel),
                rs.getString("reported_by"),
                rs.getObject("reported_at", OffsetDateTime.class),
                rs.getObject("last_check_in", UUID.class),
                contacts);
    }
}
