package org.muster.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Runs {@link NeedToKnow#assertReleasable} on every API body (as advice) and every page model (as an
 * interceptor) before it is written, so a query that forgot to filter fails closed instead of leaking.
 */
@ControllerAdvice
class ResponseCheck implements ResponseBodyAdvice<Object>, HandlerInterceptor {
    private final NeedToKnow needToKnow;

    ResponseCheck(NeedToKnow needToKnow) {
        this.needToKnow = needToKnow;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        needToKnow.assertReleasable(body);
        return body;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView modelAndView) {
        if (modelAndView != null) {
            needToKnow.assertReleasable(modelAndView.getModel());
        }
    }
}
