package io.marquee.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.display.DisplayRegisteredEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Old versions of an event, pinned by their golden files, still read as the current version. */
class EventUpcastersTest {

    final ObjectMapper json = MarqueeJson.newMapper();
    final EventType displayRegistered = EventCatalog.of(DisplayRegisteredEvent.class);

    @Test
    void a_version_1_display_registration_upcasts_to_the_expected_version_2() throws IOException {
        // given
        JsonNode v1 = golden("DisplayRegistered.v1.json");

        // when
        JsonNode upcast = EventUpcasters.upcast(displayRegistered, 1, v1);

        // then
        assertThat(upcast).isEqualTo(golden("DisplayRegistered.v1-upcast-to-v2.json"));
        assertThat(v1.has("orientation")).as("the input is left as it was").isFalse();
    }

    @Test
    void an_upcast_version_1_display_registration_reads_as_a_landscape_display() throws IOException {
        // given
        JsonNode v1 = golden("DisplayRegistered.v1.json");

        // when
        DisplayRegisteredEvent read = json.treeToValue(
                EventUpcasters.upcast(displayRegistered, 1, v1), DisplayRegisteredEvent.class);

        // then
        assertThat(read).isEqualTo(new DisplayRegisteredEvent(EventSamples.DISPLAY, EventSamples.ORG, "Lobby east",
                "Building A, ground floor", "Europe/Paris", List.of("lobby", "4k"), DisplayRegisteredEvent.LANDSCAPE));
    }

    @Test
    void a_current_version_is_returned_unchanged() throws IOException {
        // given
        JsonNode v2 = golden("DisplayRegistered.v2.json");

        // when / then
        assertThat(EventUpcasters.upcast(displayRegistered, 2, v2)).isEqualTo(v2);
        assertThat(EventUpcasters.isOutdated(displayRegistered, 2)).isFalse();
        assertThat(EventUpcasters.isOutdated(displayRegistered, 1)).isTrue();
    }

    @Test
    void a_version_newer_than_the_catalogue_is_refused() throws IOException {
        // given
        JsonNode v2 = golden("DisplayRegistered.v2.json");

        // when / then
        assertThatThrownBy(() -> EventUpcasters.upcast(displayRegistered, 3, v2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newer");
    }

    @Test
    void every_catalogued_event_at_version_1_has_a_path_to_its_current_version() throws IOException {
        for (EventType type : EventCatalog.all()) {
            JsonNode v1 = golden(type.name() + ".v1.json");
            assertThat(EventUpcasters.upcast(type, 1, v1)).as(type.name()).isNotNull();
        }
    }

    private JsonNode golden(String name) throws IOException {
        try (InputStream in = EventUpcastersTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as(name).isNotNull();
            return json.readTree(in);
        }
    }
}
