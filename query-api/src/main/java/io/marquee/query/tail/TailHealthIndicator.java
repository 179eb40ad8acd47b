package io.marquee.query.tail;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the hot path ({@code manifestView} in the readiness group): DOWN until the in-memory views
 * hold everything their topics (manifests, display access, watermarks) held at start.
 */
@Component("manifestViewHealthIndicator")
class TailHealthIndicator extends AbstractHealthIndicator {

    private final CompactedTopicTailer tailer;

    TailHealthIndicator(CompactedTopicTailer tailer) {
        this.tailer = tailer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (tailer.isCaughtUp() ? builder.up() : builder.down()).withDetail("recordsOnTopicsAtStart", tailer.lagAtStart());
        tailer.sinks().forEach(sink -> builder.withDetail(sink.topic().name(), sink.size()));
    }
}
