package io.marquee.command.web.idempotency;

import io.marquee.command.web.CallerResolver;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Registers the idempotency filter after authentication (it needs the caller) and its clean-up. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {

    /** Spring Security's filter chain runs at -100; this runs after it. */
    static final int ORDER = 0;

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, CallerResolver callers) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, callers));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
