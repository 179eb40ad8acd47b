package io.marquee.query.manifest;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link ManifestFastPath} first in the servlet filter chain, for the display routes only.
 * {@code marquee.query.manifest-fast-path=false} sends every read through Spring Security and MVC, which
 * is what the benchmark compares it with.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "marquee.query.manifest-fast-path", havingValue = "true", matchIfMissing = true)
class ManifestFastPathConfiguration {

    @Bean
    FilterRegistrationBean<ManifestFastPath> manifestFastPath(DeviceReads reads, MeterRegistry meters) {
        FilterRegistrationBean<ManifestFastPath> registration =
                new FilterRegistrationBean<>(new ManifestFastPath(reads, meters));
        registration.addUrlPatterns("/api/displays/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("manifestFastPath");
        return registration;
    }
}
