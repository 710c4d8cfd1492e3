package org.muster.security;

import java.util.Set;
import org.muster.shared.Classification;

/**
 * Who is reading, as the database says now: roles, clearance and the posts they are a member of.
 * Built once per request by {@link NeedToKnow}.
 */
public record Reader(
        long userId,
        String username,
        String displayName,
        Set<Role> roles,
        Classification clearance,
        Set<Long> postIds) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean isMemberOf(long postId) {
        return postIds.contains(postId);
    }
}
