package io.marquee.events;

import java.time.Duration;

/**
 * A Kafka topic and what its records hold.
 *
 * @param name     the topic name
 * @param key      what the record key is
 * @param value    what the record value is
 * @param compacted whether the topic keeps only the latest value per key
 * @param retention how long records are kept; null means forever (or, compacted, the latest per key)
 */
public record Topic(String name, String key, String value, boolean compacted, Duration retention) {

    /** A topic that keeps everything forever, or the latest value per key when compacted. */
    public Topic(String name, String key, String value, boolean compacted) {
        this(name, key, value, compacted, null);
    }
}
