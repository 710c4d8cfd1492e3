package org.muster.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.muster.audit.AuditLog;
import org.muster.security.NeedToKnow;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.security.UserSummary;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which locations each warden of a post answers for. A warden sees and checks in only the people
 * of a roll-call whose location is assigned to them. The wardens are the post's enabled members
 * holding the warden role; the chief of mission, the security officer and management assign them,
 * and every change is audited.
 */
@Service
public class WardenAssignments {
    static final Role[] ASSIGNERS = {Role.CHIEF_OF_MISSION, Role.SECURITY_OFFICER, Role.MANAGEMENT};

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final UserAccounts accounts;
    private final AuditLog audit;

    WardenAssignments(JdbcClient jdbc, NeedToKnow needToKnow, UserAccounts accounts, AuditLog audit) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Every warden of the post with their locations, by user name; for any member of the post. */
    public List<WardenAssignment> list(long postId) {
        needToKnow.requireMember(postId);
        Map<Long, List<String>> locations = jdbc
                .sql("select user_id, location from warden_assignment where post_id = ? order by location")
                .param(postId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<WardenAssignment> wardens = new ArrayList<>();
        for (UserSummary u : wardens(postId)) {
            wardens.add(new WardenAssignment(
                    postId, u.id(), u.username(), u.displayName(), locations.getOrDefault(u.id(), List.of())));
        }
        return wardens;
    }

    /** Replaces the warden's locations at the post (an empty set unassigns them everywhere). */
    @Transactional
    public WardenAssignment assign(long postId, long userId, Collection<String> locations) {
        needToKnow.requireRole(postId, ASSIGNERS);
        UserSummary warden = wardens(postId).stream()
                .filter(u -> u.id() == userId)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("warden", "is not a warden of this post"));
        TreeSet<String> chosen = new TreeSet<>();
        for (String l : locations == null ? List.<String>of() : locations) {
            if (l == null || l.isBlank() || l.length() > 200) {
                throw new InvalidInputException("locations", "each location must be 1 to 200 characters");
            }
            chosen.add(l.trim());
        }
        jdbc.sql("delete from warden_assignment where post_id = ? and user_id = ?")
                .params(postId, userId)
                .update();
        jdbc.sql("insert into warden_assignment (post_id, user_id, location) select ?, ?, unnest(?::text[])")
                .params(postId, userId, chosen.toArray(String[]::new))
                .update();
        audit.record(
                "warden.assigned",
                postId,
                "Warden " + warden.username() + " answers for "
                        + (chosen.isEmpty() ? "no location" : "locations " + chosen));
        return new WardenAssignment(postId, userId, warden.username(), warden.displayName(), List.copyOf(chosen));
    }

    private List<UserSummary> wardens(long postId) {
        return accounts.list().stream()
                .filter(u ->
                        u.enabled() && u.postIds().contains(postId) && u.roles().contains(Role.WARDEN))
                .toList();
    }
}
