package org.muster.committee;

import java.util.Optional;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a post's committee. Any member of the post sees who sits on it; its
 * business (meetings, minutes, recommendations) is read by committee members and the chief of
 * mission, each up to their clearance. Committee members write the record and vote; the chair or
 * the chief of mission opens and closes meetings and finalises recommendations; the chief of
 * mission alone decides; the chief of mission or an administrator names the members. Work without
 * a signed-in user (the alert listener, the demo) runs as {@code system}, except deciding.
 */
@Component
class CommitteeAccess {
    /** Who is acting: a signed-in user, or {@link #SYSTEM}. */
    record Actor(Long userId, String username, Classification clearance) {
        static final Actor SYSTEM = new Actor(null, "system", Classification.SECRET);

        static Actor of(Reader reader) {
            return new Actor(reader.userId(), reader.username(), reader.clearance());
        }
    }

    private final NeedToKnow needToKnow;
    private final JdbcClient jdbc;

    CommitteeAccess(NeedToKnow needToKnow, JdbcClient jdbc) {
        this.needToKnow = needToKnow;
        this.jdbc = jdbc;
    }

    /** A member of the post: sees who sits on the committee. */
    Reader requirePostMember(long postId) {
        return needToKnow.requireMember(postId);
    }

    /** Reads the committee's business: a committee member or the chief of mission of the post. */
    Reader requireReader(long postId) {
        Reader reader = needToKnow.requireMember(postId);
        if (!mayReadBusiness(reader, postId)) {
            throw new AccessDeniedException(
                    "The committee's business is for its members and the chief of mission of this post.");
        }
        return reader;
    }

    boolean mayReadBusiness(Reader reader, long postId) {
        return reader.isMemberOf(postId)
                && (reader.has(Role.CHIEF_OF_MISSION)
                        || seat(postId, reader.userId()).isPresent());
    }

    /** Writes the record and votes: a member of the committee (and of the post). */
    Actor requireCommitteeMember(long postId) {
        return asUser(postId, reader -> seat(postId, reader.userId()).isPresent(), "a member of this post's committee");
    }

    /** Schedules meetings and raises agenda items: a committee member or the chief of mission. */
    Actor requireCommitteeMemberOrChief(long postId) {
        return asUser(
                postId,
                reader -> reader.has(Role.CHIEF_OF_MISSION)
                        || seat(postId, reader.userId()).isPresent(),
                "a member of this post's committee or its chief of mission");
    }

    /** Opens and closes meetings, finalises recommendations: the chair or the chief of mission. */
    Actor requirePresiding(long postId) {
        return asUser(
                postId,
                reader -> reader.has(Role.CHIEF_OF_MISSION)
                        || seat(postId, reader.userId()).orElse(false),
                "the committee's chair or the chief of mission");
    }

    /** Names and removes members: the chief of mission or an administrator. */
    Actor requireManager(long postId) {
        return asUser(
                postId,
                reader -> reader.hasAny(Role.CHIEF_OF_MISSION, Role.ADMINISTRATOR),
                "the chief of mission or an administrator");
    }

    /** Records a decision: the chief of mission of the post, signed in (never the system). */
    Actor requireChiefOfMission(long postId) {
        return Actor.of(needToKnow.requireRole(postId, Role.CHIEF_OF_MISSION));
    }

    /** Whether the user sits on the post's committee, and if so whether they chair it. */
    Optional<Boolean> seat(long postId, long userId) {
        return jdbc.sql("select chair from committee_member where post_id = ? and user_id = ?")
                .params(postId, userId)
                .query(Boolean.class)
                .optional();
    }

    private Actor asUser(long postId, java.util.function.Predicate<Reader> allowed, String who) {
        Optional<Reader> current = needToKnow.currentReader();
        if (current.isEmpty()) {
            return Actor.SYSTEM;
        }
        Reader reader = needToKnow.requireMember(postId);
        if (!allowed.test(reader)) {
            throw new AccessDeniedException("Only " + who + " may do this.");
        }
        return Actor.of(reader);
    }
}
