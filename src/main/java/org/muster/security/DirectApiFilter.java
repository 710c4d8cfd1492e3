package org.muster.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the {@link DirectApiRoute}s: for a request with an API token whose method and path match
 * one, it checks the token (one statement, as {@link ApiTokenFilter}), runs the route as the token's
 * owner, checks the answer with {@link NeedToKnow#assertReleasable} and writes it as JSON with the
 * security headers the API filter chain writes. Every other request, and every one the route declines,
 * continues down the chain untouched (a declined one with its body replayed).
 *
 * <p>Why: a gate's single check-in through Spring Security's chain and Spring MVC cost the JVM more CPU
 * than PostgreSQL's work for it; on two cores that capped the API well below pgbench running the same
 * SQL (see docs/benchmarks.md). It runs first among the filters, so its requests skip the HTTP
 * server observation too ({@code http.server.requests}): it times them itself, as
 * {@code muster.api.direct} with the route and the outcome (answered, or declined to the ordinary
 * path, where they are observed as usual).
 */
final class DirectApiFilter extends OncePerRequestFilter {
    /** First: ahead of the session, observation, request-context and security filters. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;
    /** Larger bodies are not for a direct route; they go the ordinary way. */
    static final int MAX_BODY = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DirectApiFilter.class);

    private record Route(DirectApiRoute route, PathPattern pattern, Timer answered, Timer declined) {}

    private final List<Route> routes;
    private final ApiTokens tokens;
    private final NeedToKnow needToKnow;
    private final JsonMapper json;

    DirectApiFilter(
            List<DirectApiRoute> routes,
            ApiTokens tokens,
            NeedToKnow needToKnow,
            JsonMapper json,
            Optional<MeterRegistry> meters) {
        this.routes = routes.stream()
                .map(r -> new Route(
                        r,
                        PathPatternParser.defaultInstance.parse(r.pattern()),
                        timer(meters, r, "answered"),
                        timer(meters, r, "declined")))
                .toList();
        this.tokens = tokens;
        this.needToKnow = needToKnow;
        this.json = json;
    }

    private static Timer timer(Optional<MeterRegistry> meters, DirectApiRoute route, String outcome) {
        return meters.map(m -> Timer.builder("muster.api.direct")
                        .description("API requests for a direct route: answered directly, or declined to the"
                                + " ordinary path")
                        .tag("route", route.method() + " " + route.pattern())
                        .tag("outcome", outcome)
                        .register(m))
                .orElse(null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Route route = null;
        PathPattern.PathMatchInfo match = null;
        if (!routes.isEmpty()
                && ApiTokenFilter.hasBearer(request)
                && request.getContentLengthLong() <= MAX_BODY
                && plain(request.getRequestURI())
                && speaksJson(request)) {
            PathContainer path = PathContainer.parsePath(
                    request.getRequestURI().substring(request.getContextPath().length()));
            for (Route r : routes) {
                if (r.route().method().equals(request.getMethod())
                        && (match = r.pattern().matchAndExtract(path)) != null) {
                    route = r;
                    break;
                }
            }
        }
        if (route == null) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        boolean answered;
        ServletRequestAttributes attributes = new ServletRequestAttributes(request, response);
        RequestContextHolder.setRequestAttributes(attributes);
        try {
            answered = body.length <= MAX_BODY && answer(route, match, body, request, response, start);
        } finally {
            RequestContextHolder.resetRequestAttributes();
            attributes.requestCompleted();
        }
        if (!answered) {
            record(route.declined(), start);
            NeedToKnow.forget(request);
            chain.doFilter(new Replayed(request, body), response);
        }
    }

    /**
     * Whether the path has only letters, digits, {@code /}, {@code -} and {@code _}, no empty
     * segment: anything else (encoded characters, matrix parameters, dot segments) goes the ordinary
     * way, through Spring Security's firewall.
     */
    static boolean plain(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || (c == '/' && (i == 0 || uri.charAt(i - 1) != '/'));
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the body is JSON and the client takes JSON: otherwise Spring MVC's 415 or 406 is the
     * answer, which the ordinary path gives.
     */
    private static boolean speaksJson(HttpServletRequest request) {
        try {
            String contentType = request.getContentType();
            if (contentType == null
                    || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
                return false;
            }
            String accept = request.getHeader("Accept");
            return accept == null
                    || MediaType.parseMediaTypes(accept).stream()
                            .anyMatch(MediaType.APPLICATION_JSON::isCompatibleWith);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * True when the route answered and the answer is written; false when nothing was written. The
     * answer is timed before it is written: a client may read it (and the timer) the moment it is.
     */
    private boolean answer(
            Route route,
            PathPattern.PathMatchInfo match,
            byte[] body,
            HttpServletRequest request,
            HttpServletResponse response,
            long start)
            throws IOException {
        var signedIn = tokens.authenticate(ApiTokenFilter.secret(request));
        if (signedIn.isEmpty()) {
            return false; // the ordinary path says 401
        }
        ApiTokenFilter.signIn(request, signedIn.get());
        try {
            Optional<DirectApiRoute.Answer> answer;
            try {
                answer = route.route().answer(match.getUriVariables(), body);
            } catch (RuntimeException e) {
                log.debug("{} {} declined: {}", request.getMethod(), request.getRequestURI(), e.toString());
                return false;
            }
            if (answer.isEmpty()) {
                return false;
            }
            writeSecurityHeaders(request, response);
            try {
                needToKnow.assertReleasable(answer.get().body());
            } catch (AccessDeniedException e) {
                record(route.answered(), start);
                SecurityConfiguration.problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", e.getMessage());
                return true;
            }
            byte[] bytes = json.writeValueAsBytes(answer.get().body());
            record(route.answered(), start);
            response.setStatus(answer.get().status());
            response.setContentType("application/json");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            return true;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The header writers Spring Security's API chain uses ({@code SecurityConfiguration}'s token chain:
     * the defaults, in their order, and the content security policy); {@code DirectCheckInIntegrationTests}
     * holds the headers equal.
     */
    private static final List<HeaderWriter> SECURITY_HEADERS = List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new CacheControlHeadersWriter(),
            new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(),
            new ContentSecurityPolicyHeaderWriter(SecurityConfiguration.CONTENT_SECURITY_POLICY));

    static void writeSecurityHeaders(HttpServletRequest request, HttpServletResponse response) {
        SECURITY_HEADERS.forEach(writer -> writer.writeHeaders(request, response));
    }

    private static void record(Timer timer, long start) {
        if (timer != null) {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** The request as it came, its body read again from what the filter took, then the rest. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final InputStream body;
        private ServletInputStream stream;
        private BufferedReader reader;

        Replayed(HttpServletRequest request, byte[] taken) throws IOException {
            super(request);
            this.body = new SequenceInputStream(new ByteArrayInputStream(taken), request.getInputStream());
        }

        @Override
        public ServletInputStream getInputStream() {
            if (reader != null) {
                throw new IllegalStateException("getReader() was called first");
            }
            if (stream == null) {
                stream = new ServletInputStream() {
                    private boolean finished;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        finished = b < 0;
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        finished = n < 0;
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return finished;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException("a replayed body is read blocking");
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() was called first");
            }
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(body, charset));
            }
            return reader;
        }
    }
}
