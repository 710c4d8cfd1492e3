package org.muster.demo;

import java.util.function.Supplier;
import org.muster.security.UserAccounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs demo work as one of the demo accounts, so that it passes the same checks and audit as a person's. */
final class DemoSignIn {
    private DemoSignIn() {}

    /** Runs {@code work} signed in as the demo account, then restores whatever was signed in before. */
    static <T> T as(UserAccounts accounts, String username, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        var user = accounts.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
