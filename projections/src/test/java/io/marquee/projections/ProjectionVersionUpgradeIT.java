package io.marquee.projections;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topics;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.playlist.PlaylistRenamedEvent;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.infra.runtime.SharedTestRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A newer projection version in the code (here by a property, as a bumped constant would do) makes the
 * projections rebuild it in the background on startup and take over, while reads keep being served.
 */
@TestPropertySource(properties = "marquee.projections.rebuild.version.manifests=" + ProjectionVersionUpgradeIT.BUMPED)
class ProjectionVersionUpgradeIT extends ProjectionTestSupport {

    static final int BUMPED = 1_000;
    private static final ObjectMapper JSON = MarqueeJson.newMapper();

    private static final OrganizationId TENANT = OrganizationId.random();
    private static final List<UUID> DISPLAYS = java.util.stream.Stream.generate(UUID::randomUUID).limit(10).toList();
    private static ConcurrentReader reader;

    /**
     * Before this context starts: ten displays with a playlist and enough later events that the rebuild
     * takes a while, and a reader of their manifests that starts counting once all ten are there.
     */
    @BeforeAll
    static void seedAndReadThroughoutTheStart() throws Exception {
        var runtime = SharedTestRuntime.get();
        PlaylistId playlist = PlaylistId.random();
        PlaylistId spare = PlaylistId.random();
        createTheEventsTopic(runtime.bootstrapServers());
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(), new ByteArraySerializer())) {
            List<MarqueeEvent> history = new ArrayList<>();
            history.add(new PlaylistCreatedEvent(playlist, TENANT, "Loop", List.of(
                    new PlaylistItem(PlaylistItemId.random(), "https://cdn.example.com/loop.png", 5, null))));
            history.add(new PlaylistCreatedEvent(spare, TENANT, "Spare", List.of()));
            for (UUID id : DISPLAYS) {
                history.add(new DisplayRegisteredEvent(new DisplayId(id), TENANT, "Display", null, "UTC", List.of()));
                history.add(new PlaylistAssignedEvent(new DisplayId(id), TENANT, playlist));
            }
            for (int i = 0; i < 10_000; i++) {
                history.add(new PlaylistRenamedEvent(spare, TENANT, "Spare " + i));
            }
            for (MarqueeEvent event : history) {
                producer.send(new ProducerRecord<>(Topics.EVENTS.name(), TENANT.toString(), JSON.writeValueAsBytes(
                        staticEnvelope(event))));
            }
            producer.flush();
        }
        reader = new ConcurrentReader(runtime.jdbcUrl(), runtime.username(), runtime.password(), DISPLAYS);
    }

    /** As infra declares it (3 partitions, kept forever), in case no context has created it yet. */
    private static void createTheEventsTopic(String bootstrapServers) throws InterruptedException {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(Topics.EVENTS.name(), 3, (short) 1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the events topic", e);
            }
        }
    }

    private static EventEnvelope staticEnvelope(MarqueeEvent event) {
        var type = EventCatalog.of(event.getClass());
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), TENANT.value(), type.aggregateType(),
                event.aggregateId(), 0, positions.incrementAndGet(), Instant.now(), "test", "correlation",
                JSON.valueToTree(event));
    }

    @AfterAll
    static void stopReading() throws InterruptedException {
        reader.close();
    }

    @Test
    void a_newer_projection_version_is_rebuilt_in_the_background_and_takes_over_without_a_failed_read() throws Exception {
        // given this context started with the manifests projection at a newer version than the live one
        // when its background rebuild finishes
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForList(
                "SELECT version FROM projection_version WHERE projection = 'manifests'", Integer.class), List.of(BUMPED)::equals);

        // then the side schema is dropped (right after the switch commits), reads never failed, and the
        // live projection goes on into the new tables
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%' OR nspname LIKE 'retired\\_%'",
                String.class)).isEmpty());
        reader.close();
        assertThat(reader.failures).isEmpty();
        assertThat(reader.reads.get()).isPositive();
        DisplayId display = DisplayId.random();
        PlaylistId playlist = PlaylistId.random();
        publish(envelope(new PlaylistCreatedEvent(playlist, org, "Loop", List.of(
                new PlaylistItem(PlaylistItemId.random(), "https://cdn.example.com/after.png", 5, null)))));
        publish(envelope(new DisplayRegisteredEvent(display, org, "After", null, "UTC", List.of())));
        publish(envelope(new PlaylistAssignedEvent(display, org, playlist)));
        awaitManifest(display, row -> new String((byte[]) row.get("body")).contains(playlist.toString()));
    }
}
