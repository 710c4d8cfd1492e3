package org.muster.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.muster.shared.Classification;
import org.muster.shared.Marked;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place that decides who may see what. Content of a post is readable only by a member of
 * that post whose clearance dominates the content's marking; roles decide what a member may do.
 * Every read path calls this (directly, or through the response check that inspects each page model,
 * API body and export before it leaves), and so does every write, before it changes anything.
 *
 * <p>The reader is loaded from the database once per request, so a revoked membership or a lowered
 * clearance takes effect at once on every node. Thread-safe; holds no state of its own.
 */
@Component
public class NeedToKnow {
    private static final String READER_ATTRIBUTE = NeedToKnow.class.getName() + ".reader";

    private final JdbcClient jdbc;

    NeedToKnow(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current reader; fails when nobody is signed in. */
    public Reader reader() {
        return currentReader()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in to continue."));
    }

    public Optional<Reader> currentReader() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof MusterUser user)) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            Object cached = request.getAttribute(READER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (cached instanceof Reader r && r.userId() == user.id()) {
                return Optional.of(r);
            }
        }
        Optional<Reader> loaded = load(user.id());
        if (request != null) {
            loaded.ifPresent(r -> request.setAttribute(READER_ATTRIBUTE, r, RequestAttributes.SCOPE_REQUEST));
        }
        return loaded;
    }

    /** Loads a reader by user id, as the database says now; empty for an unknown or disabled user. */
    public Optional<Reader> load(long userId) {
        return jdbc.sql("select u.id, u.username, u.display_name, u.roles, u.clearance,"
                        + " coalesce(array_agg(m.post_id) filter (where m.post_id is not null), '{}') posts"
                        + " from app_user u left join post_membership m on m.user_id = u.id"
                        + " where u.id = ? and u.enabled group by u.id")
                .param(userId)
                .query((rs, n) -> reader(rs))
                .optional();
    }

    /** The reader of a row with the columns id, username, display_name, roles, clearance and posts. */
    static Reader reader(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Reader(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Set.copyOf(Role.fromNames((String[]) rs.getArray("roles").getArray())),
                Classification.valueOf(rs.getString("clearance")),
                Set.of((Long[]) rs.getArray("posts").getArray()));
    }

    /** Keeps a reader read with the request's credentials (an API token) as this request's reader. */
    static void remember(HttpServletRequest request, Reader reader) {
        request.setAttribute(READER_ATTRIBUTE, reader);
    }

    /** Drops the reader kept for this request (a direct API route declined it; the ordinary path reads it again). */
    static void forget(HttpServletRequest request) {
        request.removeAttribute(READER_ATTRIBUTE);
    }

    /** Drops the reader loaded for this request, after a change to memberships, roles or clearance. */
    void forget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(READER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The posts the current reader is a member of. */
    public Set<Long> visiblePostIds() {
        return reader().postIds();
    }

    /** Fails unless the reader is a member of the post. */
    public Reader requireMember(long postId) {
        Reader r = reader();
        if (!r.isMemberOf(postId)) {
            throw new AccessDeniedException("You are not a member of this post.");
        }
        return r;
    }

    /** Fails unless the reader is a member of the post and holds one of the roles. */
    public Reader requireRole(long postId, Role... roles) {
        Reader r = requireMember(postId);
        if (!r.hasAny(roles)) {
            throw new AccessDeniedException("This needs one of the roles " + List.of(roles) + ".");
        }
        return r;
    }

    /** Fails unless the reader holds one of the roles (installation-wide work such as administration). */
    public Reader requireRole(Role... roles) {
        Reader r = reader();
        if (!r.hasAny(roles)) {
            throw new AccessDeniedException("This needs one of the roles " + List.of(roles) + ".");
        }
        return r;
    }

    /**
     * As {@link #requireRole(Role...)} for a signed-in user. Work without one (start-up, the command
     * line, which need access to the machine itself) runs as {@code system} and is not checked.
     */
    public void requireRoleIfSignedIn(Role... roles) {
        currentReader().ifPresent(r -> requireRole(roles));
    }

    /** As {@link #requireMember(long)} for a signed-in user; work without one runs as {@code system}. */
    public void requireMemberIfSignedIn(long postId) {
        currentReader().ifPresent(r -> requireMember(postId));
    }

    public boolean mayRead(Reader reader, long postId, Classification marking) {
        return reader.isMemberOf(postId) && reader.clearance().dominates(marking);
    }

    public boolean mayRead(Marked content) {
        return currentReader()
                .map(r -> mayRead(r, content.postId(), content.classification()))
                .orElse(false);
    }

    /** Returns the content if the reader may see it, fails otherwise. */
    public <T extends Marked> T check(T content) {
        if (!mayRead(content)) {
            throw new AccessDeniedException("Not releasable to you: content of another post or above your clearance.");
        }
        return content;
    }

    /** Keeps only what the reader may see, in order. */
    public <T extends Marked> List<T> filter(Collection<T> content) {
        Optional<Reader> reader = currentReader();
        if (reader.isEmpty()) {
            return List.of();
        }
        return content.stream()
                .filter(c -> mayRead(reader.get(), c.postId(), c.classification()))
                .toList();
    }

    /**
     * The last line of defence, run on every page model, API body and export: walks the value (one
     * level into collections, maps and arrays) and fails if any marked content is not releasable.
     */
    public void assertReleasable(Object value) {
        if (value instanceof Marked m) {
            check(m);
        } else if (value instanceof Collection<?> c) {
            c.forEach(this::assertReleasableShallow);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(this::assertReleasableShallow);
        } else if (value instanceof Object[] array) {
            for (Object o : array) {
                assertReleasableShallow(o);
            }
        } else if (value instanceof Releasable r) {
            r.releasableContent().forEach(this::assertReleasableShallow);
        }
    }

    private void assertReleasableShallow(Object value) {
        if (value instanceof Marked m) {
            check(m);
        } else if (value instanceof Releasable r) {
            r.releasableContent().forEach(this::assertReleasableShallow);
        }
    }

    static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? Optional.of(a.getRequest())
                : Optional.empty();
    }
}
