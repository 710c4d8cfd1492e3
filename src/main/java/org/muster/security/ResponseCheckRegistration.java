package org.muster.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link ResponseCheck} in front of every page render. */
@Configuration(proxyBeanMethods = false)
class ResponseCheckRegistration implements WebMvcConfigurer {
    private final ResponseCheck check;

    ResponseCheckRegistration(ResponseCheck check) {
        this.check = check;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(check);
    }
}
