package org.muster.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** An account with a one-time password may do nothing but choose a new one (and sign out). */
final class PasswordChangeFilter extends OncePerRequestFilter {
    static final String PATH = "/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null
                && auth.getPrincipal() instanceof MusterUser user
                && user.mustChangePassword()
                && !path.equals(PATH)
                && !path.equals("/logout")
                && !path.startsWith("/uswds/")
                && !path.startsWith("/webjars/")
                && !path.startsWith("/css/")
                && !path.startsWith("/js/")) {
            if (path.startsWith("/api/")) {
                SecurityConfiguration.problem(
                        response,
                        HttpServletResponse.SC_FORBIDDEN,
                        "Forbidden",
                        "Change your one-time password first.");
            } else {
                response.sendRedirect(request.getContextPath() + PATH);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
