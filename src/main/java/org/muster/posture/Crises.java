package org.muster.posture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.muster.audit.AuditLog;
import org.muster.security.Role;
import org.muster.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The crisis of each post: at most one open at a time, naming exactly one accountable official
 * (a member of the post) and the approver of posture requests (a member holding the approving
 * authority role). The chief of mission of the post or an administrator who is a member opens,
 * edits and closes it; work without a signed-in user (the demo) runs as system. Every change is
 * audited in its transaction; a change of accountable official is recorded by name, from and to.
 * Times come from the injected {@link Clock}. Thread-safe.
 */
@Service
public class Crises {
    private final JdbcClient jdbc;
    private final PostureAccess access;
    private final AuditLog audit;
    private final Clock clock;

    Crises(JdbcClient jdbc, PostureAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The post's open crisis, if any, for a member of the post. */
    public Optional<Crisis> current(long postId) {
        access.reader(postId);
        return open(jdbc, postId);
    }

    /**
     * Opens a crisis at the post. Refused (naming the field, writing nothing) without a name, without
     * exactly one accountable official who is a member of the post, with an approver who is not a
     * member holding the approving authority role, or while another crisis is open there.
     */
    @Transactional
    public Crisis open(long postId, String name, String accountableOfficial, String approver) {
        String actor = access.crisisEditor(postId).map(r -> r.username()).orElse("system");
        String title = name(name);
        Official official = access.official(postId, "accountableOfficial", accountableOfficial, null);
        Official approving = access.official(postId, "approver", approver, Role.APPROVING_AUTHORITY);
        jdbc.sql("select id from post where id = ? for no key update")
                .param(postId)
                .query(Long.class)
                .single();
        open(jdbc, postId).ifPresent(c -> {
            throw alreadyOpen(c);
        });
        long id = jdbc.sql("insert into crisis (post_id, name, opened_at, opened_by, accountable_official_id,"
                        + " approver_id) values (?, ?, ?, ?, ?, ?) returning id")
                .params(postId, title, now(), actor, official.userId(), approving.userId())
                .query(Long.class)
                .single();
        audit.record(
                "crisis.opened",
                postId,
                "Crisis #" + id + " '" + title + "' opened; accountable official " + official + ", approving authority "
                        + approving);
        return open(jdbc, postId).orElseThrow();
    }

    /** Replaces the editable facts of the post's open crisis; each change is audited. */
    @Transactional
    public Crisis update(long postId, CrisisUpdate update) {
        access.crisisEditor(postId);
        Crisis before = lockOpen(postId);
        Official official = access.official(postId, "accountableOfficial", update.accountableOfficial(), null);
        Official approving = access.official(postId, "approver", update.approver(), Role.APPROVING_AUTHORITY);
        jdbc.sql("update crisis set name = ?, accountable_official_id = ?, approver_id = ?, core_presence_target = ?,"
                        + " daily_capacity = ?, threat_date = ? where id = ?")
                .params(
                        update.name(),
                        official.userId(),
                        approving.userId(),
                        update.corePresenceTarget(),
                        update.dailyCapacity(),
                        update.threatDate(),
                        before.id())
                .update();
        if (before.accountableOfficial().userId() != official.userId()) {
            audit.record(
                    "crisis.accountable-official-changed",
                    postId,
                    "Crisis #" + before.id() + ": accountable official changed from " + before.accountableOfficial()
                            + " to " + official);
        }
        if (before.approver().userId() != approving.userId()) {
            audit.record(
                    "crisis.approver-changed",
                    postId,
                    "Crisis #" + before.id() + ": approving authority changed from " + before.approver() + " to "
                            + approving);
        }
        List<String> changes = new ArrayList<>();
        change(changes, "name", before.name(), update.name());
        change(changes, "core-presence target", before.corePresenceTarget(), update.corePresenceTarget());
        change(changes, "planned daily capacity", before.dailyCapacity(), update.dailyCapacity());
        change(changes, "projected threat date", before.threatDate(), update.threatDate());
        if (!changes.isEmpty()) {
            audit.record("crisis.updated", postId, "Crisis #" + before.id() + ": " + String.join("; ", changes));
        }
        return open(jdbc, postId).orElseThrow();
    }

    /**
     * Closes the post's open crisis; refused while a posture other than normal is in force or a request is pending.
     */
    @Transactional
    public Crisis close(long postId) {
        String actor = access.crisisEditor(postId).map(r -> r.username()).orElse("system");
        Crisis crisis = lockOpen(postId);
        boolean inForce = jdbc.sql("select count(*) from posture_period where post_id = ? and ended_at is null"
                                + " and posture <> 'NORMAL'")
                        .param(postId)
                        .query(Long.class)
                        .single()
                > 0;
        if (inForce) {
            throw new InvalidInputException("crisis", "a departure or suspension is in force; return to normal first");
        }
        boolean pending = jdbc.sql("select count(*) from posture_request where post_id = ? and status = 'PENDING'")
                        .param(postId)
                        .query(Long.class)
                        .single()
                > 0;
        if (pending) {
            throw new InvalidInputException("crisis", "a posture request is still pending a decision");
        }
        jdbc.sql("update crisis set closed_at = ?, closed_by = ? where id = ?")
                .params(now(), actor, crisis.id())
                .update();
        audit.record("crisis.closed", postId, "Crisis #" + crisis.id() + " '" + crisis.name() + "' closed");
        return find(crisis.id());
    }

    private Crisis lockOpen(long postId) {
        jdbc.sql("select id from crisis where post_id = ? and closed_at is null for no key update")
                .param(postId)
                .query(Long.class)
                .optional();
        return open(jdbc, postId)
                .orElseThrow(() -> new InvalidInputException("crisis", "no crisis is open at this post"));
    }

    private Crisis find(long id) {
        return jdbc.sql(SELECT + " where c.id = ?")
                .param(id)
                .query(Crises::crisis)
                .single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static InvalidInputException alreadyOpen(Crisis c) {
        return new InvalidInputException(
                "crisis", "crisis #" + c.id() + " '" + c.name() + "' is already open at this post; close it first");
    }

    private static void change(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(
                    what + " " + (before == null ? "not set" : before) + " -> " + (after == null ? "not set" : after));
        }
    }

    static String name(String name) {
        String title = name == null ? "" : name.strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidInputException("name", "is required (at most 200 characters)");
        }
        return title;
    }

    static final String SELECT = "select c.*, a.username a_username, a.display_name a_name,"
            + " p.username p_username, p.display_name p_name from crisis c"
            + " join app_user a on a.id = c.accountable_official_id join app_user p on p.id = c.approver_id";

    /** The open crisis of a post, without an access check (callers in this module check first). */
    static Optional<Crisis> open(JdbcClient jdbc, long postId) {
        return jdbc.sql(SELECT + " where c.post_id = ? and c.closed_at is null")
                .param(postId)
                .query(Crises::crisis)
                .optional();
    }

    static Crisis crisis(ResultSet rs, int row) throws SQLException {
        return new Crisis(
                rs.getLong("id"),
                rs.getLong("post_id"),
                rs.getString("name"),
                rs.getObject("opened_at", OffsetDateTime.class),
                rs.getString("opened_by"),
                new Official(rs.getLong("accountable_official_id"), rs.getString("a_username"), rs.getString("a_name")),
                new Official(rs.getLong("approver_id"), rs.getString("p_username"), rs.getString("p_name")),
                rs.getObject("core_presence_target", Integer.class),
                rs.getObject("daily_capacity", Integer.class),
                rs.getObject("threat_date", LocalDate.class),
                rs.getObject("closed_at", OffsetDateTime.class));
    }
}
