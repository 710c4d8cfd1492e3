package org.muster.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer mst_...} requests; a bad token gets 401, never a session.
 * The token's owner and their reader come from one statement, so an API request reads the database
 * once before its own work.
 */
final class ApiTokenFilter extends OncePerRequestFilter {
    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** The secret of a request that {@link #hasBearer has a bearer token}. */
    static String secret(HttpServletRequest request) {
        return request.getHeader("Authorization").substring(7).trim();
    }

    /** Makes the token's owner this request's user and reader; the caller clears the context after. */
    static void signIn(HttpServletRequest request, ApiTokens.SignedIn signedIn) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(signedIn.user()));
        NeedToKnow.remember(request, signedIn.reader());
        SecurityContextHolder.setContext(context);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        var signedIn = tokens.authenticate(secret(request));
        if (signedIn.isEmpty()) {
            SecurityConfiguration.problem(
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "Unauthorized",
                    "The API token is unknown, expired or revoked.");
            return;
        }
        signIn(request, signedIn.get());
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
