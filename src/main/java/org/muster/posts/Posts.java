package org.muster.posts;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.muster.audit.AuditLog;
import org.muster.security.NeedToKnow;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posts of this installation. Reads return only posts the current reader is a member of;
 * creating a post takes the administrator role. {@link #create(NewPost)} without a reader is for
 * start-up work (demo data) and runs as {@code system}.
 */
@Service
public class Posts {
    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final AuditLog audit;
    private final Clock clock;
    private final UserAccounts accounts;

    Posts(JdbcClient jdbc, NeedToKnow needToKnow, AuditLog audit, Clock clock, UserAccounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
    }

    /** The posts the current reader is a member of, by code. */
    public List<Post> visible() {
        var ids = needToKnow.visiblePostIds();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from post where id = any(?) order by code")
                .param(ids.toArray(Long[]::new))
                .query(Posts::post)
                .list();
    }

    /** One post the reader is a member of; fails with 403 otherwise. */
    public Post get(long id) {
        needToKnow.requireMember(id);
        return find(id).orElseThrow(() -> new NotFoundException("No post " + id));
    }

    public Post byCode(String code) {
        Post post = findByCode(code).orElseThrow(() -> new NotFoundException("No post with code " + code));
        needToKnow.requireMember(post.id());
        return post;
    }

    /** Looks a post up without a reader, for start-up and command-line work that has no user. */
    public Optional<Post> findByCode(String code) {
        return jdbc.sql("select * from post where code = ?")
                .param(code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT))
                .query(Posts::post)
                .optional();
    }

    Optional<Post> find(long id) {
        return jdbc.sql("select * from post where id = ?")
                .param(id)
                .query(Posts::post)
                .optional();
    }

    /** Creates a post as an administrator, who becomes its first member. */
    @Transactional
    public Post createAsAdministrator(NewPost post) {
        var admin = needToKnow.requireRole(Role.ADMINISTRATOR);
        Post created = create(post);
        accounts.addMembership(admin.userId(), created.id());
        return created;
    }

    /**
     * Creates a post; every field is checked first and nothing is written when one is bad. A
     * signed-in caller must be an administrator; without one (start-up, command line) it runs as system.
     */
    @Transactional
    public Post create(NewPost post) {
        needToKnow.requireRoleIfSignedIn(Role.ADMINISTRATOR);
        String code = post.code() == null ? "" : post.code().trim();
        if (!code.matches("[A-Z]{3,5}")) {
            throw new InvalidInputException("code", "use 3 to 5 capital letters, e.g. KBL");
        }
        if (post.name() == null || post.name().isBlank() || post.name().length() > 200) {
            throw new InvalidInputException("name", "is required (at most 200 characters)");
        }
        if (post.kind() == null) {
            throw new InvalidInputException("kind", "is required");
        }
        if (post.country() == null || post.country().isBlank() || post.country().length() > 100) {
            throw new InvalidInputException("country", "is required (at most 100 characters)");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(post.timeZone() == null ? "" : post.timeZone().trim());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "is not a time zone such as Asia/Kabul");
        }
        if (findByCode(code).isPresent()) {
            throw new InvalidInputException("code", "a post with code " + code + " already exists");
        }
        long id = jdbc.sql("insert into post (code, name, kind, country, time_zone, created_at)"
                        + " values (?, ?, ?, ?, ?, ?) returning id")
                .params(
                        code,
                        post.name().trim(),
                        post.kind().name(),
                        post.country().trim(),
                        zone.getId(),
                        OffsetDateTime.now(clock))
                .query(Long.class)
                .single();
        audit.record(
                "post.created",
                id,
                post.kind().label() + " " + code + " " + post.name().trim());
        return new Post(
                id, code, post.name().trim(), post.kind(), post.country().trim(), zone);
    }

    static Post post(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Post(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                PostKind.valueOf(rs.getString("kind")),
                rs.getString("country"),
                ZoneId.of(rs.getString("time_zone")));
    }
}
