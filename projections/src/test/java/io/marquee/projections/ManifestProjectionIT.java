package io.marquee.projections;

import io.marquee.events.EventEnvelope;
import io.marquee.events.Topics;
import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.events.playlist.PlaylistRenamedEvent;
import io.marquee.infra.runtime.SharedTestRuntime;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.FileRecords;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Idempotency and poison handling of the projections, through the real broker and database. */
class ManifestProjectionIT extends ProjectionTestSupport {

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
        awaitStored(marker);

        // then the manifest, its version and its published record are exactly as before
        Map<String, Object> again = manifestRow(display);
        assertThat(again.get("version")).isEqualTo(first.get("version"));
        assertThat((byte[]) again.get("body")).isEqualTo((byte[]) first.get("body"));
        assertThat(manifestRecordsFor(display)).isEqualTo(publishedOnce);
        // and PostgreSQL keeps the version and hash, not the bytes (the topic has them)
        assertThat(jdbc.queryForMap("SELECT version, body FROM display_manifest WHERE display_id = ?", display.value()))
                .containsEntry("version", first.get("version")).containsEntry("body", null);
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
        awaitStored(marker);

        // then the manifest still leaves it out
        assertThat(body(manifestRow(display))).doesNotContain("clip.mp4").contains("logo.png");
    }

    @Test
    void displays_showing_one_playlist_each_get_their_own_manifest_hashed_by_what_it_plays() {
        // given three displays showing one playlist, two of them in Paris and one in Tokyo
        PlaylistId playlist = PlaylistId.random();
        publish(envelope(new PlaylistCreatedEvent(playlist, org, "Loop", List.of(
                new PlaylistItem(PlaylistItemId.random(), "https://cdn.example.com/a.png", 7, null)))));
        Map<DisplayId, String> timezones = Map.of(DisplayId.random(), "Europe/Paris", DisplayId.random(), "Europe/Paris",
                DisplayId.random(), "Asia/Tokyo");
        timezones.forEach((display, timezone) -> {
            publish(envelope(new DisplayRegisteredEvent(display, org, "Screen", null, timezone, List.of())));
            publish(envelope(new PlaylistAssignedEvent(display, org, playlist)));
        });

        // when the playlist is renamed: one refresh reaches all three
        publish(envelope(new PlaylistRenamedEvent(playlist, org, "Renamed loop")));

        // then each manifest is its own display's, in its own timezone, playing the renamed playlist
        timezones.forEach((display, timezone) -> {
            var manifest = awaitManifestJson(display, json -> "Renamed loop".equals(json.at("/defaultPlaylist/name").asText()));
            assertThat(manifest.get("displayId").asText()).isEqualTo(display.toString());
            assertThat(manifest.get("timezone").asText()).isEqualTo(timezone);
        });
        // and the hash stands for what a display plays: one for the two in Paris, another for Tokyo (the rows
        // commit just after the sends)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, List<String>> hashesByTimezone = new HashMap<>();
            timezones.forEach((display, timezone) -> hashesByTimezone.computeIfAbsent(timezone, zone -> new ArrayList<>())
                    .add(jdbc.queryForObject("SELECT content_hash FROM display_manifest WHERE display_id = ?",
                            String.class, display.value())));
            assertThat(hashesByTimezone.get("Europe/Paris")).hasSize(2).doesNotContainNull()
                    .containsOnly(hashesByTimezone.get("Europe/Paris").get(0));
            assertThat(hashesByTimezone.get("Asia/Tokyo")).doesNotContainAnyElementsOf(hashesByTimezone.get("Europe/Paris"));
        });
    }

    @Test
    void a_fan_out_crosses_the_broker_in_batches_of_many_manifests() throws Exception {
        // given 240 displays showing a playlist of 30 items (manifests of a few KiB), all projected
        PlaylistId playlist = PlaylistId.random();
        publish(envelope(new PlaylistCreatedEvent(playlist, org, "Long loop", IntStream.range(0, 30)
                .mapToObj(i -> new PlaylistItem(PlaylistItemId.random(), "https://cdn.example.com/slide-" + i + ".png", 7, null))
                .toList())));
        List<DisplayId> displays = Stream.generate(DisplayId::random).limit(240).toList();
        displays.forEach(display -> {
            publish(envelope(new DisplayRegisteredEvent(display, org, "Screen", null, "UTC", List.of())));
            publish(envelope(new PlaylistAssignedEvent(display, org, playlist)));
        });
        awaitStored(marker()); // the tenant's events are applied in order: the 240 are stored and published too
        Map<Path, Long> endsBefore = new HashMap<>();
        manifestBatches((segment, batch) -> endsBefore.merge(segment.getParent(), batch.lastOffset(), Math::max));

        // when one event changes all of their manifests
        publish(envelope(new PlaylistRenamedEvent(playlist, org, "Renamed long loop")));
        awaitStored(marker());
        assertThat(awaitManifestJson(displays.get(0), json -> true).at("/defaultPlaylist/name").asText()).isEqualTo("Renamed long loop");

        // then the 240 new manifests crossed the broker in a few big batches, not dozens of 16 KiB ones
        List<Integer> recordsPerBatch = new ArrayList<>();
        manifestBatches((segment, batch) -> {
            if (batch.baseOffset() > endsBefore.getOrDefault(segment.getParent(), -1L)) {
                recordsPerBatch.add((int) (batch.lastOffset() - batch.baseOffset() + 1));
            }
        });
        assertThat(recordsPerBatch.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(displays.size());
        assertThat(recordsPerBatch.stream().mapToInt(Integer::intValue).average().orElse(0))
                .as("manifests per batch, batches %s", recordsPerBatch).isGreaterThanOrEqualTo(30);
    }

    /** A display registered after everything published so far: once it is stored, so is all that came before. */
    private DisplayId marker() {
        DisplayId marker = DisplayId.random();
        publish(envelope(new DisplayRegisteredEvent(marker, org, "Marker", null, "UTC", List.of())));
        return marker;
    }

    /** Visits every batch of the manifest topic on the broker's disk, with the segment file it is in. */
    private static void manifestBatches(BiConsumer<Path, FileChannelRecordBatch> visitor) throws IOException {
        Path logs = SharedTestRuntime.get().kafka().logDir().resolve("kafka-logs");
        List<Path> segments;
        try (Stream<Path> files = Files.walk(logs)) {
            segments = files.filter(file -> file.toString().endsWith(".log") && file.getParent().getFileName().toString()
                    .startsWith(Topics.DISPLAY_MANIFESTS.name() + "-")).toList();
        }
        for (Path segment : segments) {
            try (FileRecords records = FileRecords.open(segment.toFile(), false)) {
                records.batches().forEach(batch -> visitor.accept(segment, batch));
            }
        }
    }

    @Test
    void manifests_cross_the_broker_in_lz4_compressed_batches() throws Exception {
        // given a display whose manifest has been published
        DisplayId display = DisplayId.random();
        publish(envelope(new DisplayRegisteredEvent(display, org, "Lobby", null, "UTC", List.of())));
        awaitManifest(display, row -> true);

        // then every batch of the manifest topic on the broker's disk is compressed (ManifestPublisher's producer)
        List<CompressionType> codecs = new ArrayList<>();
        manifestBatches((segment, batch) -> codecs.add(batch.compressionType()));
        assertThat(codecs).isNotEmpty().containsOnly(CompressionType.LZ4);
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
}
