package io.marquee.projections;

import io.marquee.events.EventEnvelope;
import io.marquee.events.Topics;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
        awaitManifest(marker, row -> true);

        // then the manifest, its version and its published record are exactly as before
        Map<String, Object> again = manifestRow(display);
        assertThat(again.get("version")).isEqualTo(first.get("version"));
        assertThat((byte[]) again.get("body")).isEqualTo((byte[]) first.get("body"));
        assertThat(manifestRecordsFor(display)).isEqualTo(publishedOnce);
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
