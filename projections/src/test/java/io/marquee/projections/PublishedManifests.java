package io.marquee.projections;

import io.marquee.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest record of every display on {@code marquee.display-manifests}, as a player's query-api
 * sees it: one consumer for the whole test JVM tails the topic from the beginning (a tombstone forgets
 * the display). The manifests' bytes are not stored in PostgreSQL, so this is where tests read them.
 */
final class PublishedManifests {

    private static final Map<String, byte[]> latest = new ConcurrentHashMap<>();
    private static Thread tailer;

    private PublishedManifests() {
    }

    /** The display's latest published manifest, or empty while it has none (or after its tombstone). */
    static Optional<byte[]> of(String displayId, String bootstrapServers) {
        start(bootstrapServers);
        return Optional.ofNullable(latest.get(displayId));
    }

    private static synchronized void start(String bootstrapServers) {
        if (tailer != null) {
            return;
        }
        tailer = new Thread(() -> {
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                String topic = Topics.DISPLAY_MANIFESTS.name();
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (true) {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                        if (record.value() == null) {
                            latest.remove(record.key());
                        } else {
                            latest.put(record.key(), record.value());
                        }
                    });
                }
            }
        }, "published-manifests");
        tailer.setDaemon(true);
        tailer.start();
    }
}
