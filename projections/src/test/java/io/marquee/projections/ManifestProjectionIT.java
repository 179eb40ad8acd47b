package io.marquee.projections;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topics;
import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.infra.runtime.LocalRuntime;
import io.marquee.infra.runtime.SharedTestRuntime;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The projections through the real broker and database, fed hand-made envelopes. */
@SpringBootTest(classes = ProjectionsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ManifestProjectionIT {

    /** Positions as the event store would hand them out: unique and increasing. */
    static final AtomicLong positions = new AtomicLong(System.currentTimeMillis());

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        LocalRuntime runtime = SharedTestRuntime.get();
        registry.add("marquee.kafka.bootstrap-servers", runtime::bootstrapServers);
        registry.add("marquee.db.url", runtime::jdbcUrl);
        registry.add("marquee.db.username", runtime::username);
        registry.add("marquee.db.password", runtime::password);
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = MarqueeJson.newMapper();
    final OrganizationId org = OrganizationId.random();

    @Test
    void the_same_events_delivered_twice_produce_the_identical_manifest_and_version() {
        // given a display showing a playlist, projected once
        DisplayId display = DisplayId.random();
        PlaylistId playlist = PlaylistId.random();
        List<EventEnvelope> history = List.of(
                envelope(new DisplayRegisteredEvent(display, org, "Lobby", null, "Europe/Paris", List.of())),
                envelope(new PlaylistCreatedEvent(playlist, org, "Loop", List.of(
                        new PlaylistItem(PlaylistItemId.random(), "https://cdn.example.com/a.png", 7, null)))),
                envelope(new PlaylistAssignedEvent(display, org, playlist)));
        history.forEach(this::publish);
        Map<String, Object> first = awaitManifest(display, row -> row.get("body") != null
                && new String((byte[]) row.get("body"), StandardCharsets.UTF_8).contains(playlist.toString()));
        int publishedOnce = manifestRecordsFor(display);

        // when the same events arrive again (a relay re-send), followed by a marker event
        history.forEach(this::publish);
        DisplayId marker = DisplayId.random();
        publish(envelope(new DisplayRegisteredEvent(marker, org, "Marker", null, "UTC", List.of())));
        awaitManifest(marker, row -> true);

        // then the manifest, its version and its published record are exactly as before
        Map<String, Object> again = manifestRow(display);
        assertThat(again.get("version")).isEqualTo(first.get("version"));
        assertThat((byte[]) again.get("body")).isEqualTo((byte[]) first.get("body"));
        assertThat(manifestRecordsFor(display)).isEqualTo(publishedOnce);
    }

    @Test
    void content_items_are_resolved_and_archived_content_leaves_the_manifest_for_good() throws Exception {
        // given a display showing a playlist of an image (content default duration) and a video (5 s)
        DisplayId display = DisplayId.random();
        PlaylistId playlist = PlaylistId.random();
        ContentId image = ContentId.random();
        ContentId video = ContentId.random();
        EventEnvelope videoCreated = envelope(new ContentCreatedEvent(video, org, "Clip", "VIDEO",
                "https://cdn.example.com/clip.mp4", null, null, null, null, null));
        List.of(envelope(new ContentCreatedEvent(image, org, "Logo", "IMAGE", "https://cdn.example.com/logo.png",
                        8, "sha256:abc", 2048L, null, null)),
                videoCreated,
                envelope(new DisplayRegisteredEvent(display, org, "Lobby", null, "UTC", List.of())),
                envelope(new PlaylistCreatedEvent(playlist, org, "Loop", List.of(
                        PlaylistItem.ofContent(PlaylistItemId.random(), image, null),
                        PlaylistItem.ofContent(PlaylistItemId.random(), video, 5)))),
                envelope(new PlaylistAssignedEvent(display, org, playlist))).forEach(this::publish);

        // then the manifest shows both, with the content's details
        var items = json.readTree((byte[]) awaitManifest(display, row -> body(row).contains("clip.mp4")).get("body"))
                .get("defaultPlaylist").get("items");
        assertThat(items.get(0).get("contentId").asText()).isEqualTo(image.toString());
        assertThat(items.get(0).get("type").asText()).isEqualTo("IMAGE");
        assertThat(items.get(0).get("durationSeconds").asInt()).isEqualTo(8);
        assertThat(items.get(0).get("sizeBytes").asLong()).isEqualTo(2048);
        assertThat(items.get(1).get("durationSeconds").asInt()).isEqualTo(5);

        // when the video is archived, and its creation is delivered again afterwards
        publish(envelope(new ContentArchivedEvent(video, org)));
        awaitManifest(display, row -> !body(row).contains("clip.mp4"));
        publish(videoCreated);
        DisplayId marker = DisplayId.random();
        publish(envelope(new DisplayRegisteredEvent(marker, org, "Marker", null, "UTC", List.of())));
        awaitManifest(marker, row -> true);

        // then the manifest still leaves it out
        assertThat(body(manifestRow(display))).doesNotContain("clip.mp4").contains("logo.png");
    }

    private static String body(Map<String, Object> row) {
        return row.get("body") == null ? "" : new String((byte[]) row.get("body"), StandardCharsets.UTF_8);
    }

    @Test
    void a_poison_record_is_dead_lettered_and_the_partition_keeps_flowing() {
        // given a record that is not JSON and an envelope of a type nobody knows, on the tenant's partition
        String key = org.toString();
        kafka.send(Topics.EVENTS.name(), key, "{not json".getBytes(StandardCharsets.UTF_8));
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), "DisplayTeleported", 1, org.value(), "Display",
                UUID.randomUUID().toString(), 0, positions.incrementAndGet(), Instant.now(), "test", "c",
                json.createObjectNode().put("to", "Mars"));
        publish(unknown);

        // when a good event follows them
        DisplayId display = DisplayId.random();
        publish(envelope(new DisplayRegisteredEvent(display, org, "After the poison", null, "UTC", List.of())));

        // then it is projected, and both bad records wait on the dead-letter topic with their reasons
        awaitManifest(display, row -> true);
        List<String> reasons = deadLetterReasonsFor(key, 2);
        assertThat(reasons).anySatisfy(reason -> assertThat(reason).startsWith("not an event envelope"));
        assertThat(reasons).anySatisfy(reason -> assertThat(reason).isEqualTo("unknown event type DisplayTeleported"));
    }

    private EventEnvelope envelope(MarqueeEvent event) {
        var type = EventCatalog.of(event.getClass());
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), org.value(), type.aggregateType(),
                event.aggregateId(), 0, positions.incrementAndGet(), Instant.now(), "test", "correlation",
                json.valueToTree(event));
    }

    private void publish(EventEnvelope envelope) {
        try {
            kafka.send(Topics.EVENTS.name(), envelope.organizationId().toString(), json.writeValueAsBytes(envelope)).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish a test event", e);
        }
    }

    private Map<String, Object> awaitManifest(DisplayId display, java.util.function.Predicate<Map<String, Object>> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> manifestRow(display), row -> row != null && until.test(row));
    }

    private Map<String, Object> manifestRow(DisplayId display) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT version, body FROM display_manifest WHERE display_id = ?", display.value());
        return rows.isEmpty() ? null : rows.get(0);
    }

    private int manifestRecordsFor(DisplayId display) {
        return recordsOn(Topics.DISPLAY_MANIFESTS.name(), display.toString()).size();
    }

    private List<String> deadLetterReasonsFor(String key, int expected) {
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
    private List<ConsumerRecord<String, byte[]>> recordsOn(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestRuntime.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "projection-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            int emptyPolls = 0;
            // read until three polls in a row bring nothing once partitions are assigned (bounded: 100 polls)
            for (int poll = 0; poll < 100 && (emptyPolls < 3 || consumer.assignment().isEmpty()); poll++) {
                var records = consumer.poll(Duration.ofMillis(300));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                records.forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
