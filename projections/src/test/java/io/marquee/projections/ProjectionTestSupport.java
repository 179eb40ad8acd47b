package io.marquee.projections;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topics;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.infra.runtime.RuntimeProperties;
import io.marquee.infra.runtime.SharedTestRuntime;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What projection integration tests share: the real broker and database, a tenant of their own,
 * hand-made envelopes with increasing positions, and ways to read the results back.
 */
@SpringBootTest(classes = ProjectionsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class ProjectionTestSupport {

    /** Positions as the event store would hand them out: unique and increasing. */
    static final AtomicLong positions = new AtomicLong(System.currentTimeMillis());

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        RuntimeProperties.register(registry, SharedTestRuntime.get());
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = MarqueeJson.newMapper();
    final OrganizationId org = OrganizationId.random();

    EventEnvelope envelope(MarqueeEvent event) {
        var type = EventCatalog.of(event.getClass());
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), org.value(), type.aggregateType(),
                event.aggregateId(), 0, positions.incrementAndGet(), Instant.now(), "test", "correlation",
                json.valueToTree(event));
    }

    void publish(EventEnvelope envelope) {
        try {
            kafka.send(Topics.EVENTS.name(), envelope.organizationId().toString(), json.writeValueAsBytes(envelope)).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish a test event", e);
        }
    }

    /** Waits until the display's published manifest ({@code version}, {@code body}) satisfies the condition. */
    Map<String, Object> awaitManifest(DisplayId display, java.util.function.Predicate<Map<String, Object>> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> PublishedManifests.of(display.toString(), SharedTestRuntime.get().bootstrapServers())
                        .map(this::row).orElse(null), row -> row != null && until.test(row));
    }

    /**
     * Waits until a batch that refreshed this display's manifest has committed. The refresh waits for
     * the acks of its sends before the commit, so afterwards {@link #manifestRow} sees what that batch
     * and every batch before it published.
     */
    void awaitStored(DisplayId display) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> !jdbc.queryForList(
                "SELECT 1 FROM display_manifest WHERE display_id = ?", display.value()).isEmpty());
    }

    /**
     * The display's latest published manifest as {@code version} and {@code body}, read to the topic's end
     * (so exact after {@link #awaitStored}), or null while it has none or after its tombstone.
     */
    Map<String, Object> manifestRow(DisplayId display) {
        List<ConsumerRecord<String, byte[]>> records = recordsOn(Topics.DISPLAY_MANIFESTS.name(), display.toString());
        byte[] latest = records.isEmpty() ? null : records.get(records.size() - 1).value();
        return latest == null ? null : row(latest);
    }

    private Map<String, Object> row(byte[] body) {
        try {
            return Map.of("version", json.readTree(body).get("version").asLong(), "body", body);
        } catch (java.io.IOException e) {
            throw new AssertionError("a published manifest is not JSON", e);
        }
    }

    int manifestRecordsFor(DisplayId display) {
        return recordsOn(Topics.DISPLAY_MANIFESTS.name(), display.toString()).size();
    }

    List<String> deadLetterReasonsFor(String key, int expected) {
        List<String> reasons = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            reasons.clear();
            for (ConsumerRecord<String, byte[]> record : recordsOn(Topics.EVENTS_DEAD_LETTER.name(), key)) {
                reasons.add(new String(record.headers().lastHeader("marquee.dlt.reason").value(), StandardCharsets.UTF_8));
            }
            return reasons.size() >= expected;
        });
        return reasons;
    }

    /** Every record currently on the topic with this key, read from the beginning. */
    List<ConsumerRecord<String, byte[]>> recordsOn(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestRuntime.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "projection-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            // up to the end offsets as of now: counting "three empty polls" undercounted on a loaded machine,
            // where the first fetches after the offset reset can take longer than a poll
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (int poll = 0; poll < 200 && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)); poll++) {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    /** The published manifest of a display as JSON (see {@link #manifestRow}), or null while it has none. */
    com.fasterxml.jackson.databind.JsonNode manifestJson(DisplayId display) {
        return json(manifestRow(display));
    }

    /** Waits until the display's published manifest satisfies the condition, and returns it. */
    com.fasterxml.jackson.databind.JsonNode awaitManifestJson(DisplayId display,
            java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> until) {
        return json(awaitManifest(display, row -> until.test(json(row))));
    }

    private com.fasterxml.jackson.databind.JsonNode json(Map<String, Object> row) {
        try {
            return row == null ? null : json.readTree((byte[]) row.get("body"));
        } catch (java.io.IOException e) {
            throw new AssertionError("a published manifest is not JSON", e);
        }
    }
}
