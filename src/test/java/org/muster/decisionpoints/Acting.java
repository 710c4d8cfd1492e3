package org.muster.decisionpoints;

import java.util.function.Supplier;
import org.muster.security.UserAccounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs work as a signed-in user, as a request of theirs would. */
final class Acting {
    private Acting() {}

    static <T> T as(UserAccounts accounts, String username, Supplier<T> work) {
        var user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
