package io.marquee.projections.manifest;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For each partition of the manifest topic, the offset just past the last manifest this process has
 * published and seen acknowledged. A watermark carries a copy, so that a reader can tell when it holds
 * every manifest the watermark vouches for (see {@code ProjectionWatermark#manifestOffsets}).
 */
@Component
public class PublishedManifestOffsets {

    private final Map<Integer, Long> next = new ConcurrentHashMap<>();

    void acknowledged(RecordMetadata sent) {
        next.merge(sent.partition(), sent.offset() + 1, Math::max);
    }

    /** A snapshot: partition → offset a reader must have consumed. */
    public Map<Integer, Long> snapshot() {
        return Map.copyOf(next);
    }
}
