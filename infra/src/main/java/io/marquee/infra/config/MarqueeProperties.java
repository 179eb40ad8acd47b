package io.marquee.infra.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Marquee's own settings, under {@code marquee.*}. Environment variables bind by the usual relaxed
 * rules, e.g. {@code MARQUEE_KAFKA_BOOTSTRAP_SERVERS}, {@code MARQUEE_DB_URL}. The access-token
 * settings are {@link io.marquee.infra.security.JwtProperties} ({@code marquee.security.jwt.*}).
 */
@ConfigurationProperties("marquee")
public record MarqueeProperties(
        @DefaultValue Kafka kafka,
        @DefaultValue Http http) {

    /** @param maxBodySize the largest request body accepted; larger ones get 413 */
    public record Http(@DefaultValue("1MB") DataSize maxBodySize) {
    }

    /**
     * @param partitions        partitions of the topics Marquee creates
     * @param replicationFactor replication of the topics Marquee creates; 1 for a single broker
     */
    public record Kafka(
            @DefaultValue("localhost:9092") String bootstrapServers,
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor) {
    }
}
