package io.marquee.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.PlaylistUnassignedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of every published event is pinned by a golden file: a change that breaks readers
 * of the contract fails here, not in production.
 */
class EventGoldenFileTest {

    static final OrganizationId ORG = OrganizationId.of("0b5c1f4e-6a43-4d3e-9c4c-3f3f1c1d0001");
    static final DisplayId DISPLAY = DisplayId.of("5d0f2a7e-1111-4a1b-8c1d-000000000001");
    static final PlaylistId PLAYLIST = PlaylistId.of("7a9e3c52-2222-4b2c-9d2e-000000000002");

    static final Map<Class<?>, MarqueeEvent> SAMPLES = Map.of(
            DisplayRegisteredEvent.class, new DisplayRegisteredEvent(
                    DISPLAY, ORG, "Lobby east", "Building A, ground floor", "Europe/Paris", List.of("lobby", "4k")),
            PlaylistAssignedEvent.class, new PlaylistAssignedEvent(DISPLAY, ORG, PLAYLIST),
            PlaylistUnassignedEvent.class, new PlaylistUnassignedEvent(DISPLAY, ORG, PLAYLIST),
            PlaylistCreatedEvent.class, new PlaylistCreatedEvent(PLAYLIST, ORG, "Morning loop", List.of(
                    new PlaylistItem(PlaylistItemId.of("9c1d4b7a-3333-4c3d-8e3f-000000000003"),
                            "https://cdn.example.com/welcome.png", 10),
                    new PlaylistItem(PlaylistItemId.of("9c1d4b7a-3333-4c3d-8e3f-000000000004"),
                            "https://cdn.example.com/menu.mp4", 30))));

    final ObjectMapper json = MarqueeJson.newMapper();

    static Stream<EventType> catalogue() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void serializing_the_sample_gives_exactly_the_golden_file(EventType type) throws IOException {
        JsonNode golden = json.readTree(golden(type));
        JsonNode written = json.valueToTree(sample(type));
        assertThat(written).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void reading_the_golden_file_gives_back_the_sample(EventType type) throws IOException {
        Object read = json.readValue(golden(type), type.javaType());
        assertThat(read).isEqualTo(sample(type));
    }

    @Test
    void every_catalogued_event_has_a_sample_and_a_golden_file() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(
                EventCatalog.all().stream().map(EventType::javaType).toList());
    }

    @Test
    void a_reader_ignores_fields_added_after_it_was_built() throws IOException {
        String withExtraField = "{\"displayId\":\"" + DISPLAY + "\",\"organizationId\":\"" + ORG
                + "\",\"playlistId\":\"" + PLAYLIST + "\",\"assignedBy\":\"someone\"}";
        assertThat(json.readValue(withExtraField, PlaylistAssignedEvent.class))
                .isEqualTo(new PlaylistAssignedEvent(DISPLAY, ORG, PLAYLIST));
    }

    private static MarqueeEvent sample(EventType type) {
        return SAMPLES.get(type.javaType());
    }

    private static InputStream golden(EventType type) {
        String path = "/golden/" + type.name() + ".v" + type.version() + ".json";
        InputStream in = EventGoldenFileTest.class.getResourceAsStream(path);
        assertThat(in).as("golden file " + path).isNotNull();
        return in;
    }
}
