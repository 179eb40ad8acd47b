package io.marquee.query.manifest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** How often a manifest stream gets a keep-alive comment and how long it stays open, on either port. */
@Component
public record StreamSettings(@Value("${marquee.query.stream.heartbeat-interval}") Duration heartbeatInterval,
                             @Value("${marquee.query.stream.timeout}") Duration timeout) {
}
