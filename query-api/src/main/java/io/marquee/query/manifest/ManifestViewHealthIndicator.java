package io.marquee.query.manifest;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Readiness of the hot path: DOWN until the in-memory view holds everything the topic held at start. */
@Component("manifestViewHealthIndicator")
class ManifestViewHealthIndicator extends AbstractHealthIndicator {

    private final ManifestTopicTailer tailer;
    private final ManifestView view;

    ManifestViewHealthIndicator(ManifestTopicTailer tailer, ManifestView view) {
        this.tailer = tailer;
        this.view = view;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (tailer.isCaughtUp() ? builder.up() : builder.down())
                .withDetail("manifests", view.size())
                .withDetail("recordsOnTopicAtStart", tailer.lagAtStart());
    }
}
