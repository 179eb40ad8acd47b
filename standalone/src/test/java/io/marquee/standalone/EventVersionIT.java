package io.marquee.standalone;

import io.marquee.events.display.DisplayRegisteredEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version 1 {@code DisplayRegistered} (no orientation), stored before version 2 existed, still loads
 * its aggregate and projects; new registrations are stored as version 2.
 */
class EventVersionIT extends SharedPlatform {

    @Autowired
    EventStore eventStore;

    @Test
    void a_display_registered_by_a_stored_version_1_event_takes_commands_and_gets_its_manifest() {
        // given a display whose registration was stored as version 1, as the event store held it before
        String displayId = UUID.randomUUID().toString();
        storeVersion1Registration(displayId, "Old lobby");
        String playlistId = createPlaylist(createContent("IMAGE", "https://cdn.example.com/old.png"));

        // when the display is renamed and given a playlist (both need the aggregate loaded from the store)
        HttpProbe.Answer renamed = http().send("PATCH", "/api/displays/" + displayId, "{\"name\":\"Old lobby, renamed\"}",
                "Content-Type", "application/json");
        HttpProbe.Answer assigned = http().put("/api/displays/" + displayId + "/playlist",
                "{\"playlistId\":\"" + playlistId + "\"}");

        // then both are accepted, and the manifest shows the playlist in the display's timezone
        assertThat(renamed.status()).as(renamed.raw().body()).isEqualTo(200);
        assertThat(assigned.status()).as(assigned.raw().body()).isEqualTo(200);
        var manifest = awaitManifest(displayId, found -> found.path("defaultPlaylist").path("playlistId").asText()
                .equals(playlistId));
        assertThat(manifest.get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(eventsOf(displayId)).extracting(StoredEvent::type)
                .containsExactly("DisplayRegisteredEvent", "DisplayUpdatedEvent", "PlaylistAssignedEvent");
        // read through Axon, the stored version 1 comes out upcast (not merely with a null orientation)
        DisplayRegisteredEvent loaded = (DisplayRegisteredEvent) eventStore.readEvents(displayId).next().getPayload();
        assertThat(loaded.orientation()).isEqualTo(DisplayRegisteredEvent.LANDSCAPE);
    }

    @Test
    void a_new_display_registration_is_stored_as_version_2_with_its_orientation() {
        // when
        String displayId = createDisplay();

        // then
        String revision = jdbc.queryForObject("""
                SELECT payload_revision FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 0""", String.class, displayId);
        assertThat(revision).isEqualTo("2");
        assertThat(eventsOf(displayId).get(0).payload().get("orientation").asText()).isEqualTo("LANDSCAPE");
    }

    /** A row exactly as the event store wrote a registration before version 2: no revision, no orientation. */
    private void storeVersion1Registration(String displayId, String name) {
        String payload = """
                {"displayId":"%s","organizationId":"%s","name":"%s","location":null,"timezone":"Europe/Paris",\
                "tags":["legacy"]}""".formatted(displayId, admin().organizationId(), name);
        String metaData = "{\"actor\":\"" + admin().userId() + "\",\"correlationId\":\"legacy-" + displayId + "\"}";
        jdbc.update("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Display', ?, 'io.marquee.events.display.DisplayRegisteredEvent', NULL, ?, ?)""",
                UUID.randomUUID().toString(), displayId, Instant.now().toString(),
                payload.getBytes(StandardCharsets.UTF_8), metaData.getBytes(StandardCharsets.UTF_8));
    }
}
