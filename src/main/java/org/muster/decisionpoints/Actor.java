package org.muster.decisionpoints;

import org.muster.security.NeedToKnow;
import org.muster.security.Role;
import org.muster.shared.Classification;

/**
 * Who changes something: a signed-in user, who must be a member of the post with one of the roles,
 * or, for work without one (start-up, demo data, the command line), {@code system} with every clearance.
 */
record Actor(String username, Classification clearance) {
    static Actor of(NeedToKnow needToKnow, long postId, Role... roles) {
        return needToKnow
                .currentReader()
                .map(r -> needToKnow.requireRole(postId, roles))
                .map(r -> new Actor(r.username(), r.clearance()))
                .orElse(new Actor("system", Classification.SECRET));
    }
}
