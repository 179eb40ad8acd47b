package io.marquee.query.admin;

import io.marquee.query.position.PositionGate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the admin reads' Min-Position wait after authentication, which it needs for the organization. */
@Configuration(proxyBeanMethods = false)
class AdminReadPositionConfiguration {

    /** Spring Security's filter chain runs at -100; this runs after it. */
    @Bean
    FilterRegistrationBean<AdminReadPositionFilter> adminReadPositionFilter(PositionGate positions) {
        var registration = new FilterRegistrationBean<>(new AdminReadPositionFilter(positions));
        registration.setOrder(0);
        registration.addUrlPatterns("/api/content", "/api/content/*", "/api/playlists", "/api/playlists/*",
                "/api/displays", "/api/displays/*");
        return registration;
    }
}
