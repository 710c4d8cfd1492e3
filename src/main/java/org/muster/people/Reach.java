package org.muster.people;

import java.util.Collection;
import java.util.List;
import org.muster.security.NeedToKnow;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How to reach a post's people: each selected person with their category, language and
 * latest-verified e-mail address and phone number (the contact point verified most recently; one
 * never verified counts as oldest, ties by the one added last). For notifications, which choose
 * the channels. Every read requires membership of the post; what a sender may reach is decided by
 * the caller. One statement per call, ordered by family and given name. Thread-safe.
 */
@Service
public class Reach {
    private static final String SELECT = "select p.id, p.given_name, p.family_name, p.category, p.language,"
            + " (select c.value from contact_point c where c.person_id = p.id and c.kind = 'EMAIL'"
            + "  order by c.last_verified desc nulls last, c.id desc limit 1) email,"
            + " (select c.value from contact_point c where c.person_id = p.id and c.kind = 'PHONE'"
            + "  order by c.last_verified desc nulls last, c.id desc limit 1) phone"
            + " from person p";
    private static final String ORDER = " order by p.family_name, p.given_name, p.id";

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;

    Reach(JdbcClient jdbc, NeedToKnow needToKnow) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
    }

    /** Everyone on the post's register. */
    public List<Reachable> everyone(long postId) {
        needToKnow.requireMember(postId);
        return jdbc.sql(SELECT + " where p.post_id = ?" + ORDER)
                .param(postId)
                .query(Reach::row)
                .list();
    }

    /** The people of the post in any of the categories. */
    public List<Reachable> inCategories(long postId, Collection<Category> categories) {
        needToKnow.requireMember(postId);
        return jdbc.sql(SELECT + " where p.post_id = ? and p.category = any(?)" + ORDER)
                .params(postId, categories.stream().map(Enum::name).toArray(String[]::new))
                .query(Reach::row)
                .list();
    }

    /** The people of the post in any of the households (ids of other posts' households select nobody). */
    public List<Reachable> inHouseholds(long postId, Collection<Long> households) {
        needToKnow.requireMember(postId);
        return jdbc.sql(SELECT + " where p.post_id = ? and p.household_id = any(?)" + ORDER)
                .params(postId, households.toArray(Long[]::new))
                .query(Reach::row)
                .list();
    }

    /** The people of the post whose location is one of the locations (exactly as the register names them). */
    public List<Reachable> inLocations(long postId, Collection<String> locations) {
        needToKnow.requireMember(postId);
        return jdbc.sql(SELECT + " where p.post_id = ? and p.location = any(?)" + ORDER)
                .params(postId, locations.toArray(String[]::new))
                .query(Reach::row)
                .list();
    }

    /**
     * The members of a roll-call of the post (open or closed) who are not accounted for: their status
     * is still unknown. Fails with {@link NotFoundException} for a roll-call of another post.
     */
    public List<Reachable> unaccounted(long postId, long rollCallId) {
        needToKnow.requireMember(postId);
        boolean exists = jdbc.sql("select exists (select 1 from roll_call where id = ? and post_id = ?)")
                .params(rollCallId, postId)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new NotFoundException("No roll-call " + rollCallId + " at this post");
        }
        return jdbc.sql(SELECT + " join roll_call_member m on m.person_id = p.id"
                        + " where m.roll_call_id = ? and m.status = 'UNKNOWN' and p.post_id = ?" + ORDER)
                .params(rollCallId, postId)
                .query(Reach::row)
                .list();
    }

    /** The post's households with their sizes, by name: for choosing an audience. */
    public List<HouseholdChoice> households(long postId) {
        needToKnow.requireMember(postId);
        return jdbc.sql("select h.id, h.name, count(p.id) people from household h"
                        + " left join person p on p.household_id = h.id"
                        + " where h.post_id = ? group by h.id order by h.name, h.id")
                .param(postId)
                .query((rs, n) -> new HouseholdChoice(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    private static Reachable row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Reachable(
                rs.getLong("id"),
                rs.getString("given_name"),
                rs.getString("family_name"),
                Category.valueOf(rs.getString("category")),
                rs.getString("language"),
                rs.getString("email"),
                rs.getString("phone"));
    }
}
