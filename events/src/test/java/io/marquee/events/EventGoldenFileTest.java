package io.marquee.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.display.PlaylistAssignedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of every published event is pinned by a golden file: a change that breaks readers
 * of the contract fails here, not in production.
 */
class EventGoldenFileTest {

    final ObjectMapper json = MarqueeJson.newMapper();

    static Stream<EventType> catalogue() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void serializing_the_sample_gives_exactly_the_golden_file(EventType type) throws IOException {
        JsonNode golden = json.readTree(golden(type));
        // re-read, so that numbers compare by value and not by Java type (a long of 2 is an int of 2)
        JsonNode written = json.readTree(json.writeValueAsBytes(sample(type)));
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
        assertThat(EventSamples.ALL.stream().<Class<?>>map(Object::getClass).toList())
                .containsExactlyInAnyOrderElementsOf(EventCatalog.all().stream().map(EventType::javaType).toList());
    }

    @Test
    void a_reader_ignores_fields_added_after_it_was_built() throws IOException {
        String withExtraField = "{\"displayId\":\"" + EventSamples.DISPLAY + "\",\"organizationId\":\""
                + EventSamples.ORG + "\",\"playlistId\":\"" + EventSamples.PLAYLIST + "\",\"assignedBy\":\"someone\"}";
        assertThat(json.readValue(withExtraField, PlaylistAssignedEvent.class))
                .isEqualTo(new PlaylistAssignedEvent(EventSamples.DISPLAY, EventSamples.ORG, EventSamples.PLAYLIST));
    }

    private static MarqueeEvent sample(EventType type) {
        return EventSamples.of(type);
    }

    /**
     * The golden file of a type. A new event's file is written once with {@code -Dgolden.write=true}
     * (then read, reviewed and committed); from then on it is the contract.
     */
    private InputStream golden(EventType type) throws IOException {
        String name = type.name() + ".v" + type.version() + ".json";
        Path source = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.write") && !Files.exists(source)) {
            Files.write(source, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(sample(type)));
            return Files.newInputStream(source);
        }
        InputStream in = EventGoldenFileTest.class.getResourceAsStream("/golden/" + name);
        String path = "/golden/" + name;
        assertThat(in).as("golden file " + path).isNotNull();
        return in;
    }
}
