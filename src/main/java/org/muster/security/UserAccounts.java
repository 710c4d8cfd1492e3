package org.muster.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.muster.audit.AuditLog;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local accounts: creation with validation, memberships, password changes and the lockout after
 * repeated failed logins ({@code muster.security.max-failed-logins} within one lockout, which lasts
 * {@code muster.security.lockout}). Every change is audited in the same transaction.
 */
@Service
public class UserAccounts implements UserDetailsService {
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailedLogins;
    private final Duration lockout;
    private final NeedToKnow needToKnow;

    UserAccounts(
            NeedToKnow needToKnow,
            JdbcClient jdbc,
            PasswordEncoder passwords,
            AuditLog audit,
            Clock clock,
            @Value("${muster.security.max-failed-logins:5}") int maxFailedLogins,
            @Value("${muster.security.lockout:15m}") Duration lockout) {
        this.needToKnow = needToKnow;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.maxFailedLogins = maxFailedLogins;
        this.lockout = lockout;
    }

    /** Creates an account after checking every field; nothing is written when one is bad. */
    @Transactional
    public long create(NewUser user) {
        return create(user, new java.util.HashMap<>());
    }

    /**
     * Creates several accounts in one transaction: all or none. Each distinct password is hashed
     * once, which keeps loading many accounts that share a password (demo data) fast.
     */
    @Transactional
    public List<Long> createAll(List<NewUser> users) {
        java.util.Map<String, String> hashes = new java.util.HashMap<>();
        return users.stream().map(u -> create(u, hashes)).toList();
    }

    private long create(NewUser user, java.util.Map<String, String> hashes) {
        needToKnow.requireRoleIfSignedIn(Role.ADMINISTRATOR);
        String username = user.username() == null ? "" : user.username().trim();
        if (!username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new InvalidInputException(
                    "username",
                    "use 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (user.displayName() == null
                || user.displayName().isBlank()
                || user.displayName().length() > 200) {
            throw new InvalidInputException("displayName", "is required (at most 200 characters)");
        }
        if (user.roles() == null || user.roles().isEmpty()) {
            throw new InvalidInputException("roles", "at least one role is required");
        }
        if (user.clearance() == null) {
            throw new InvalidInputException("clearance", "is required");
        }
        PasswordPolicy.check(username, user.password());
        if (exists(username)) {
            throw new InvalidInputException("username", "'" + username + "' is already taken");
        }
        Set<Long> posts = user.postIds() == null ? Set.of() : user.postIds();
        for (Long post : posts) {
            if (jdbc.sql("select count(*) from post where id = ?")
                            .param(post)
                            .query(Long.class)
                            .single()
                    == 0) {
                throw new InvalidInputException("posts", "no post with id " + post);
            }
        }
        long id = jdbc.sql("insert into app_user (username, display_name, password_hash, roles, clearance,"
                        + " must_change_password, created_at) values (?, ?, ?, ?::text[], ?, ?, ?) returning id")
                .params(
                        username,
                        user.displayName().trim(),
                        hashes.computeIfAbsent(user.password(), passwords::encode),
                        MusterUser.roleNames(user.roles()).toArray(String[]::new),
                        user.clearance().name(),
                        user.mustChangePassword(),
                        OffsetDateTime.now(clock))
                .query(Long.class)
                .single();
        audit.record(
                "user.created",
                null,
                "account " + username + " (" + MusterUser.roleNames(user.roles()) + ", cleared " + user.clearance()
                        + ")");
        for (Long post : posts) {
            addMembership(id, post);
        }
        return id;
    }

    /** Makes the user a member of a post; a no-op when they already are. */
    @Transactional
    public void addMembership(long userId, long postId) {
        needToKnow.requireRoleIfSignedIn(Role.ADMINISTRATOR);
        int added = jdbc.sql("insert into post_membership (user_id, post_id) values (?, ?) on conflict do nothing")
                .params(userId, postId)
                .update();
        if (added > 0) {
            needToKnow.forget();
            audit.record("membership.added", postId, "user #" + userId + " " + usernameOf(userId) + " joined the post");
        }
    }

    @Transactional
    public void removeMembership(long userId, long postId) {
        needToKnow.requireRoleIfSignedIn(Role.ADMINISTRATOR);
        int removed = jdbc.sql("delete from post_membership where user_id = ? and post_id = ?")
                .params(userId, postId)
                .update();
        if (removed > 0) {
            needToKnow.forget();
            audit.record("membership.removed", postId, "user #" + userId + " " + usernameOf(userId) + " left the post");
        }
    }

    @Transactional
    public void changePassword(long userId, String currentPassword, String newPassword) {
        String hash = jdbc.sql("select password_hash from app_user where id = ?")
                .param(userId)
                .query(String.class)
                .single();
        if (!passwords.matches(currentPassword == null ? "" : currentPassword, hash)) {
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        String username = usernameOf(userId);
        PasswordPolicy.check(username, newPassword);
        if (passwords.matches(newPassword, hash)) {
            throw new InvalidInputException("newPassword", "must differ from the current password");
        }
        jdbc.sql("update app_user set password_hash = ?, must_change_password = false where id = ?")
                .params(passwords.encode(newPassword), userId)
                .update();
        audit.record("user.password-changed", null, "account " + username + " changed its password");
    }

    /** How many members of the post hold each role (a member with two roles counts under both). */
    public java.util.Map<Role, Long> membersByRole(long postId) {
        java.util.Map<Role, Long> counts = new java.util.EnumMap<>(Role.class);
        jdbc.sql("select r, count(*) from post_membership m join app_user u on u.id = m.user_id,"
                        + " unnest(u.roles) r where m.post_id = ? and u.enabled group by r")
                .param(postId)
                .query(rs -> {
                    counts.put(Role.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public Optional<Long> idOf(String username) {
        return jdbc.sql("select id from app_user where username = ?")
                .param(username)
                .query(Long.class)
                .optional();
    }

    public List<UserSummary> list() {
        return jdbc.sql("select u.*, coalesce(array_agg(m.post_id) filter (where m.post_id is not null), '{}') posts"
                        + " from app_user u left join post_membership m on m.user_id = u.id group by u.id"
                        + " order by u.username")
                .query((rs, n) -> {
                    Set<Long> posts =
                            new HashSet<>(List.of((Long[]) rs.getArray("posts").getArray()));
                    return new UserSummary(
                            rs.getLong("id"),
                            rs.getString("username"),
                            rs.getString("display_name"),
                            Role.fromNames((String[]) rs.getArray("roles").getArray()),
                            Classification.valueOf(rs.getString("clearance")),
                            posts,
                            rs.getBoolean("enabled"),
                            rs.getObject("locked_until", OffsetDateTime.class));
                })
                .list();
    }

    @Override
    public MusterUser loadUserByUsername(String username) {
        return jdbc.sql("select * from app_user where username = ?")
                .param(username == null ? "" : username.trim())
                .query((rs, n) -> {
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    boolean locked = lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now(clock));
                    return new MusterUser(
                            rs.getLong("id"),
                            rs.getString("username"),
                            rs.getString("display_name"),
                            rs.getString("password_hash"),
                            Role.fromNames((String[]) rs.getArray("roles").getArray()),
                            Classification.valueOf(rs.getString("clearance")),
                            rs.getBoolean("enabled"),
                            lockedUntil == null ? null : lockedUntil.toInstant(),
                            locked,
                            rs.getBoolean("must_change_password"));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /** Counts a failed password; the {@code maxFailedLogins}-th in a row locks the account. */
    @Transactional
    public void recordFailedLogin(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var state = jdbc.sql("update app_user set failed_attempts = failed_attempts + 1 where username = ?"
                        + " and (locked_until is null or locked_until <= ?) returning id, failed_attempts")
                .params(username, now)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
                .optional();
        if (state.isEmpty()) {
            audit.recordAs("anonymous", "login.failed", null, "failed login for '" + abbreviate(username) + "'");
            return;
        }
        audit.recordAs(username, "login.failed", null, "failed login " + state.get()[1] + " of " + maxFailedLogins);
        if (state.get()[1] >= maxFailedLogins) {
            OffsetDateTime until = now.plus(lockout);
            jdbc.sql("update app_user set locked_until = ?, failed_attempts = 0 where id = ?")
                    .params(until, state.get()[0])
                    .update();
            audit.recordAs(
                    username,
                    "user.locked",
                    null,
                    "locked until " + until + " after " + maxFailedLogins + " failed logins");
        }
    }

    @Transactional
    public void recordSuccessfulLogin(String username) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = ?")
                .param(username)
                .update();
        audit.recordAs(username, "login.succeeded", null, "signed in");
    }

    private String usernameOf(long userId) {
        return jdbc.sql("select username from app_user where id = ?")
                .param(userId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new InvalidInputException("user", "no user with id " + userId));
    }

    private static String abbreviate(String text) {
        String clean = text == null ? "" : text.replaceAll("[^\\p{Print}]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
