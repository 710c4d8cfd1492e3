package org.muster.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form login for people, bearer tokens for programs, CSRF on every form and htmx request, strict
 * security headers. Load-balancer probes answer without login; metrics and health details need the
 * administrator role. Authorization of content is not done here but in {@link NeedToKnow}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'"
            + " 'unsafe-inline'; script-src 'self'; font-src 'self'; connect-src 'self'; frame-ancestors 'none';"
            + " form-action 'self'; base-uri 'self'; object-src 'none'";

    /** The SMS gateway's callback for delivery receipts (no session, no CSRF token: a machine). */
    static final String SMS_RECEIPTS = "/sms/receipts/*";

    /** Requests with a bearer token: no session is created or used, so no CSRF token is needed. */
    @Bean
    @Order(1)
    SecurityFilterChain tokenFilterChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        // the SMS gateway's receipts carry their own credential, whatever headers the gateway adds
        RequestMatcher receipts = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SMS_RECEIPTS);
        http.securityMatcher(request -> ApiTokenFilter.hasBearer(request) && !receipts.matches(request))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/**")
                        .hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> problem(
                                response,
                                HttpServletResponse.SC_UNAUTHORIZED,
                                "Unauthorized",
                                "Send a valid API token."))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", e.getMessage())))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** The direct API routes (a gate's check-ins), answered before this chain and Spring MVC. */
    @Bean
    FilterRegistrationBean<DirectApiFilter> directApiFilter(
            List<DirectApiRoute> routes,
            ApiTokens tokens,
            NeedToKnow needToKnow,
            JsonMapper json,
            ObjectProvider<MeterRegistry> meters) {
        var registration = new FilterRegistrationBean<>(
                new DirectApiFilter(routes, tokens, needToKnow, json, Optional.ofNullable(meters.getIfAvailable())));
        registration.setOrder(DirectApiFilter.ORDER);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    @Order(2)
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher answers = PathPatternRequestMatcher.withDefaults().matcher("/r/**");
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/error",
                                "/favicon.ico",
                                "/uswds/**",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/actuator/health",
                                "/actuator/health/liveness",
                                "/actuator/health/readiness")
                        .permitAll()
                        // personal response links: the signed token in the path is the credential
                        .requestMatchers("/r/**")
                        .permitAll()
                        // the SMS gateway's delivery receipts: the secret in the path is the credential
                        .requestMatchers(HttpMethod.POST, SMS_RECEIPTS)
                        .permitAll()
                        // requests from the public and the post's public alerts (issue 6): no login
                        .requestMatchers(
                                "/posts/*/requests/new",
                                "/posts/*/requests/received",
                                "/posts/*/alerts.atom",
                                "/posts/*/alerts/*.cap.xml")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SMS_RECEIPTS)))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(loginFailure())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                                (request, response, e) -> problem(
                                        response,
                                        HttpServletResponse.SC_UNAUTHORIZED,
                                        "Unauthorized",
                                        "Sign in or send an API token."),
                                api)
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> problem(
                                        response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", e.getMessage()),
                                api)
                        // an answer page left open past its session's CSRF token: back to the page, which asks again
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> response.sendRedirect(request.getRequestURI() + "?again"),
                                answers)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(self)"))
                        .frameOptions(frame -> frame.deny()))
                .addFilterAfter(new PasswordChangeFilter(), AuthorizationFilter.class);
        return http.build();
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            String reason = exception instanceof LockedException ? "locked" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    static void problem(HttpServletResponse response, int status, String title, String detail)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String safe = detail == null ? "" : detail.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + safe + "\"}");
    }
}
