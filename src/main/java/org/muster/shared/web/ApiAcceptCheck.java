package org.muster.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Answers 406 before an API handler runs when the client's Accept takes no JSON. Spring MVC checks
 * Accept before the handler only for mappings that declare {@code produces}; for the others it finds
 * out while writing the answer, after the handler has run, so a check-in refused with 406 would
 * still have been recorded. Every API answer is JSON (problem details included); a type the client
 * gives a quality of 0 it does not take. Mappings that declare {@code produces} (the OpenAPI
 * description) Spring MVC checks itself; non-REST controllers (the API's documentation page) are
 * left alone.
 */
@Configuration(proxyBeanMethods = false)
class ApiAcceptCheck implements WebMvcConfigurer, HandlerInterceptor {
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().isAnnotationPresent(RestController.class)
                || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
            return true;
        }
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isEmpty()) {
            return true;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException(e.getMessage());
        }
        if (acceptable.isEmpty()
                || acceptable.stream()
                        .anyMatch(a -> a.getQualityValue() > 0 && JSON.stream().anyMatch(a::isCompatibleWith))) {
            return true;
        }
        throw new HttpMediaTypeNotAcceptableException(JSON);
    }
}
