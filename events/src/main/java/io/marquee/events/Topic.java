package io.marquee.events;

/**
 * A Kafka topic and what its records hold.
 *
 * @param name     the topic name
 * @param key      what the record key is
 * @param value    what the record value is
 * @param compacted whether the topic keeps only the latest value per key
 */
public record Topic(String name, String key, String value, boolean compacted) {
}
