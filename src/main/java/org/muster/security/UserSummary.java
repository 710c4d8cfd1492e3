package org.muster.security;

import java.time.OffsetDateTime;
import java.util.Set;
import org.muster.shared.Classification;

/** An account as administrators see it (never the password hash). */
public record UserSummary(
        long id,
        String username,
        String displayName,
        Set<Role> roles,
        Classification clearance,
        Set<Long> postIds,
        boolean enabled,
        OffsetDateTime lockedUntil) {}
