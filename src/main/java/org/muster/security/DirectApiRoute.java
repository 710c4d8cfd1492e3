package org.muster.security;

import java.util.Map;
import java.util.Optional;

/**
 * An API route answered ahead of Spring Security's filter chain and Spring MVC, for requests so
 * frequent that their per-request work counts (a gate device's check-ins). Only requests with an API
 * token come this way: the token is checked and the request runs as its owner's reader exactly as any
 * API request does, and the answer passes {@link NeedToKnow#assertReleasable} before it is written.
 *
 * <p>A route answers the ordinary case only. For anything else (a body it cannot read, a refusal, any
 * exception before it returns) it returns empty or throws, and the request, its body kept, goes the
 * ordinary way, where the route's controller gives the canonical answer. So a route must not have
 * changed anything when it does not answer: its work runs in one transaction that rolls back on the
 * exception, or it declines before writing.
 */
public interface DirectApiRoute {

    /** The HTTP method answered, e.g. {@code POST}. */
    String method();

    /** The path, as a Spring path pattern with variables, e.g. {@code /api/v1/posts/{code}/items}. */
    String pattern();

    /**
     * The answer to a request whose path matched, given the path's variables and the request body
     * (at most {@link DirectApiFilter#MAX_BODY} bytes); empty to let the ordinary path answer.
     */
    Optional<Answer> answer(Map<String, String> variables, byte[] body);

    /** An HTTP status and the object to write as JSON. */
    record Answer(int status, Object body) {}
}
