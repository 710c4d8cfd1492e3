package org.muster.security;

import java.util.Set;
import org.muster.shared.Classification;

/** What it takes to create an account; {@link UserAccounts#create} validates every field. */
public record NewUser(
        String username,
        String displayName,
        String password,
        Set<Role> roles,
        Classification clearance,
        Set<Long> postIds,
        boolean mustChangePassword) {}
