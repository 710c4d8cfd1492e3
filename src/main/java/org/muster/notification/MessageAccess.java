package org.muster.notification;

import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may message whom, for members of the post only. The chief of mission, the consular and
 * management sections and administrators may message any audience of the post; the security officer
 * official staff (an audience that cannot reach private citizens) and the unaccounted of a
 * roll-call; a warden only their own warden list, and only unclassified. Everyone else (gate staff,
 * viewers, committee members, the task force, the approving authority) may message nobody. A
 * reader holding several roles may do what any of them allows.
 */
@Component
class MessageAccess {
    static final Role[] ANY_AUDIENCE = {Role.CHIEF_OF_MISSION, Role.CONSULAR, Role.MANAGEMENT, Role.ADMINISTRATOR};
    static final Role[] SENDERS = {
        Role.CHIEF_OF_MISSION, Role.CONSULAR, Role.MANAGEMENT, Role.ADMINISTRATOR, Role.SECURITY_OFFICER, Role.WARDEN
    };
    /** Close a review task with a reason: the consular section, the chief of mission, administrators. */
    static final Role[] REVIEWERS = {Role.CONSULAR, Role.CHIEF_OF_MISSION, Role.ADMINISTRATOR};

    private final NeedToKnow needToKnow;

    MessageAccess(NeedToKnow needToKnow) {
        this.needToKnow = needToKnow;
    }

    /** Fails unless the reader is a member of the post who may message someone there. */
    Reader requireSender(long postId) {
        return needToKnow.requireRole(postId, SENDERS);
    }

    /**
     * Before resolving the audience: fails unless some role of the reader could allow this kind of
     * audience (a warden names only their own list), so a refused reader never reads the register.
     */
    Reader requireMayChoose(long postId, Audience audience) {
        Reader reader = requireSender(postId);
        if (reader.hasAny(ANY_AUDIENCE) || reader.has(Role.SECURITY_OFFICER) || ownWardenList(reader, audience)) {
            return reader;
        }
        throw new AccessDeniedException("A warden may message only the people of their own warden list.");
    }

    /** After resolving: fails unless the reader may send this audience a message of this marking. */
    void requireAllowed(Reader reader, ResolvedAudience resolved, Classification marking) {
        if (reader.hasAny(ANY_AUDIENCE)) {
            return;
        }
        if (reader.has(Role.SECURITY_OFFICER)
                && (resolved.audience().kind() == AudienceKind.ROLL_CALL_UNACCOUNTED || !resolved.toPublic())) {
            return;
        }
        if (ownWardenList(reader, resolved.audience()) && marking == Classification.UNCLASSIFIED) {
            return;
        }
        throw new AccessDeniedException(
                reader.has(Role.SECURITY_OFFICER)
                        ? "The security officer may message official staff and the unaccounted of a roll-call;"
                                + " this audience can reach private citizens."
                        : "A warden may send only unclassified messages to their own warden list.");
    }

    boolean maySend(long postId) {
        return needToKnow.requireMember(postId).hasAny(SENDERS);
    }

    /** The audiences a reader may choose among on the compose page. */
    boolean mayChooseAnyAudience(Reader reader) {
        return reader.hasAny(ANY_AUDIENCE) || reader.has(Role.SECURITY_OFFICER);
    }

    private static boolean ownWardenList(Reader reader, Audience audience) {
        return reader.has(Role.WARDEN)
                && audience != null
                && audience.kind() == AudienceKind.WARDEN_LIST
                && audience.wardenUserId() == reader.userId();
    }
}
