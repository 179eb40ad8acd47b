package io.marquee.infra;

import io.marquee.infra.config.MarqueeProperties;
import io.marquee.infra.kafka.KafkaHealthIndicator;
import io.marquee.infra.kafka.MarqueeTopics;
import io.marquee.infra.web.BodySizeLimitFilter;
import io.marquee.infra.web.ProblemDetailsAdvice;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Wires the shared plumbing into any Marquee role that has infra on its classpath. */
@AutoConfiguration
@EnableConfigurationProperties(MarqueeProperties.class)
@Import({MarqueeTopics.class, KafkaHealthIndicator.class, ProblemDetailsAdvice.class})
public class InfraAutoConfiguration {

    /** Before everything else, security included: an oversized body is refused unread. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(MarqueeProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.http().maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
