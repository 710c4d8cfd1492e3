package org.muster.people;

import java.util.List;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a post's roll-calls. Any member reads them; the leads start and close them
 * and answer for anyone; gate staff check anyone in; a warden checks in, and a reader who is only a
 * warden sees, just the people in the locations assigned to them at that post.
 */
@Component
class RollCallAccess {
    /** Start and close roll-calls, answer for anyone (channel OFFICER). */
    static final Role[] LEADS = {Role.CHIEF_OF_MISSION, Role.SECURITY_OFFICER, Role.MANAGEMENT, Role.CONSULAR};
    /** Check anyone in. */
    static final Role[] UNLIMITED_CHECKERS = {
        Role.GATE, Role.CHIEF_OF_MISSION, Role.SECURITY_OFFICER, Role.MANAGEMENT, Role.CONSULAR
    };
    /** Check someone in at all. */
    static final Role[] CHECKERS = {
        Role.WARDEN, Role.GATE, Role.CHIEF_OF_MISSION, Role.SECURITY_OFFICER, Role.MANAGEMENT, Role.CONSULAR
    };

    private final NeedToKnow needToKnow;
    private final JdbcClient jdbc;

    RollCallAccess(NeedToKnow needToKnow, JdbcClient jdbc) {
        this.needToKnow = needToKnow;
        this.jdbc = jdbc;
    }

    /**
     * What the reader sees of a post's roll-calls: everyone ({@code onlyLocations} null), or, for a
     * reader whose only role is warden, the people in their assigned locations (possibly none).
     */
    record View(Reader reader, List<String> onlyLocations) {
        boolean limited() {
            return onlyLocations != null;
        }

        /** For SQL: {@code (? or m.location = any(?))}, the flag first. */
        Object[] locationParams() {
            return new Object[] {!limited(), limited() ? onlyLocations.toArray(String[]::new) : new String[0]};
        }
    }

    View view(long postId) {
        Reader reader = needToKnow.requireMember(postId);
        boolean onlyWarden = reader.roles().stream().allMatch(r -> r == Role.WARDEN);
        return new View(reader, onlyWarden ? wardenLocations(postId, reader.userId()) : null);
    }

    /** The reader, if they may check someone in at this post; whether they are held to their locations. */
    Reader requireChecker(long postId) {
        return needToKnow.requireRole(postId, CHECKERS);
    }

    static boolean limitedToAssignedLocations(Reader reader) {
        return !reader.hasAny(UNLIMITED_CHECKERS);
    }

    /** Fails unless the reader may report through this channel. */
    static void requireChannel(Reader reader, CheckInChannel channel) {
        boolean allowed = switch (channel) {
            case WARDEN -> reader.has(Role.WARDEN);
            case GATE -> reader.has(Role.GATE);
            case OFFICER -> reader.hasAny(LEADS);
            case SELF, API -> reader.hasAny(CHECKERS);
        };
        if (!allowed) {
            throw new AccessDeniedException("You may not report through the channel " + channel + ".");
        }
    }

    Reader requireLead(long postId) {
        return needToKnow.requireRole(postId, LEADS);
    }

    List<String> wardenLocations(long postId, long userId) {
        return jdbc.sql("select location from warden_assignment where post_id = ? and user_id = ? order by location")
                .params(postId, userId)
                .query(String.class)
                .list();
    }
}
