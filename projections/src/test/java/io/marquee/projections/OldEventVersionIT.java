package io.marquee.projections;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.events.EventEnvelope;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Envelopes of an older event version, as they already sit on {@code marquee.events}, still project. */
class OldEventVersionIT extends ProjectionTestSupport {

    @Test
    void a_version_1_display_registration_on_the_topic_projects_like_a_current_one() {
        // given a display registered by a version 1 envelope (no orientation), then given a playlist
        DisplayId display = DisplayId.random();
        PlaylistId playlist = PlaylistId.random();
        publish(version1(envelope(new DisplayRegisteredEvent(display, org, "Old lobby", "Hall", "Europe/Paris",
                List.of("legacy")))));
        publish(envelope(new PlaylistCreatedEvent(playlist, org, "Loop", List.of(
                new PlaylistItem(PlaylistItemId.random(), "https://cdn.example.com/a.png", 7, null)))));

        // when
        publish(envelope(new PlaylistAssignedEvent(display, org, playlist)));

        // then its manifest is built, in its timezone, with the playlist
        Map<String, Object> row = awaitManifest(display, found -> found.get("body") != null
                && new String((byte[]) found.get("body"), StandardCharsets.UTF_8).contains(playlist.toString()));
        String body = new String((byte[]) row.get("body"), StandardCharsets.UTF_8);
        assertThat(body).contains("Europe/Paris");
        assertThat(jdbc.queryForObject("SELECT name FROM projection_display WHERE display_id = ?", String.class,
                display.value())).isEqualTo("Old lobby");
    }

    /** The envelope as a version 1 writer published it: version 1, and no orientation in the payload. */
    private EventEnvelope version1(EventEnvelope current) {
        ObjectNode payload = current.payload().deepCopy();
        payload.remove("orientation");
        return new EventEnvelope(current.eventId(), current.type(), 1, current.organizationId(),
                current.aggregateType(), current.aggregateId(), current.aggregateSequence(), current.position(),
                current.occurredAt(), current.actor(), current.correlationId(), payload);
    }
}
