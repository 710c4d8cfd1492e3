package org.muster.posture;

import java.util.Optional;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a post's crisis and posture. Any member of the post reads them. The chief of
 * mission of the post (or an administrator who is a member) opens and edits the crisis; only the
 * chief of mission requests a posture; only the crisis's configured approver, holding the approving
 * authority role now, decides; management, consular and the chief of mission record departures.
 */
@Component
class PostureAccess {
    static final Role[] CRISIS_EDITORS = {Role.CHIEF_OF_MISSION, Role.ADMINISTRATOR};
    static final Role[] DEPARTURE_RECORDERS = {Role.MANAGEMENT, Role.CONSULAR, Role.CHIEF_OF_MISSION};

    private final NeedToKnow needToKnow;
    private final UserAccounts accounts;

    PostureAccess(NeedToKnow needToKnow, UserAccounts accounts) {
        this.needToKnow = needToKnow;
        this.accounts = accounts;
    }

    Reader reader(long postId) {
        return needToKnow.requireMember(postId);
    }

    /** The signed-in editor of the post's crisis; empty for work without a user (demo, command line). */
    Optional<Reader> crisisEditor(long postId) {
        if (needToKnow.currentReader().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(needToKnow.requireRole(postId, CRISIS_EDITORS));
    }

    Reader requester(long postId) {
        Reader r = needToKnow.requireMember(postId);
        if (!r.has(Role.CHIEF_OF_MISSION)) {
            throw new AccessDeniedException("Only the chief of mission of this post requests a change of posture.");
        }
        return r;
    }

    /**
     * The reader, if they may decide a request of this post: a member holding the approving authority
     * role who is the crisis's configured approver and did not make the request. The committee only
     * recommends; the chief of mission does not approve their own request.
     */
    Reader decider(long postId, long approverId, long requestedById) {
        Reader r = needToKnow.requireMember(postId);
        if (!r.has(Role.APPROVING_AUTHORITY)) {
            throw new AccessDeniedException("Only the approving authority configured for this crisis decides a"
                    + " posture request; the committee only recommends.");
        }
        if (r.userId() != approverId) {
            throw new AccessDeniedException(
                    "Only the approving authority configured for this crisis decides its posture requests.");
        }
        if (r.userId() == requestedById) {
            throw new AccessDeniedException("You may not decide a posture request you made yourself.");
        }
        return r;
    }

    Reader reviewer(long postId, long approverId) {
        Reader r = needToKnow.requireMember(postId);
        if (!r.has(Role.CHIEF_OF_MISSION) && !(r.has(Role.APPROVING_AUTHORITY) && r.userId() == approverId)) {
            throw new AccessDeniedException(
                    "Only the chief of mission or the crisis's approving authority records a review.");
        }
        return r;
    }

    Reader departureRecorder(long postId) {
        return needToKnow.requireRole(postId, DEPARTURE_RECORDERS);
    }

    /**
     * The enabled user named {@code username}, a member of the post and, when {@code role} is given,
     * holding it; refuses naming {@code field} otherwise.
     */
    Official official(long postId, String field, String username, Role role) {
        String name = username == null ? "" : username.trim();
        if (name.isEmpty()) {
            throw new InvalidInputException(field, "is required: name one user");
        }
        Reader user = accounts.idOf(name)
                .flatMap(needToKnow::load)
                .orElseThrow(() -> new InvalidInputException(field, "no active user '" + name + "'"));
        if (!user.isMemberOf(postId)) {
            throw new InvalidInputException(field, "'" + name + "' is not a member of this post");
        }
        if (role != null && !user.has(role)) {
            throw new InvalidInputException(field, "'" + name + "' does not hold the role " + role.label());
        }
        return new Official(user.userId(), user.username(), user.displayName());
    }
}
