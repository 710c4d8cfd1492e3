package org.muster.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Turns off the resource chain's URL rewriting, which Spring Boot registers because the webjars
 * locator is present. It ran every link of every page (about 20 in the layout alone) through the
 * resource resolvers, which look a link that is not a static resource up on the class path of the
 * nested jar, uncached: some 7 ms a page. The pages link webjars without a version
 * ({@code /webjars/htmx.org/dist/htmx.min.js}) and the locator still resolves those when they are
 * served; nothing else needs rewriting (no content-hash or fixed-version strategy is configured).
 */
@Configuration(proxyBeanMethods = false)
class ResourceUrls {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
