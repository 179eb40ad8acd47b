package io.marquee.projections.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.events.MarqueeJson;
import io.marquee.events.display.DisplayRegisteredEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The envelope reader brings older event versions up to the current one and refuses newer ones. */
class EventReaderTest {

    final ObjectMapper json = MarqueeJson.newMapper();
    final EventReader reader = new EventReader();
    final String org = UUID.randomUUID().toString();
    final String display = UUID.randomUUID().toString();

    @Test
    void a_version_1_display_registration_is_read_as_a_landscape_display_of_version_2() throws Exception {
        // given
        byte[] record = envelope(1, payloadV1());

        // when
        ReadEvent read = reader.read(record);

        // then
        DisplayRegisteredEvent event = (DisplayRegisteredEvent) read.event();
        assertThat(event.orientation()).isEqualTo(DisplayRegisteredEvent.LANDSCAPE);
        assertThat(event.tags()).isEqualTo(List.of("lobby"));
        assertThat(read.envelope().version()).isEqualTo(2);
        assertThat(read.envelope().payload().get("orientation").asText()).isEqualTo("LANDSCAPE");
    }

    @Test
    void a_version_2_display_registration_keeps_its_orientation() throws Exception {
        // given
        ObjectNode payload = payloadV1().put("orientation", "PORTRAIT");

        // when
        ReadEvent read = reader.read(envelope(2, payload));

        // then
        assertThat(((DisplayRegisteredEvent) read.event()).orientation()).isEqualTo("PORTRAIT");
    }

    @Test
    void a_version_newer_than_the_reader_knows_is_unreadable() throws Exception {
        // given
        byte[] record = envelope(3, payloadV1());

        // when / then
        assertThatThrownBy(() -> reader.read(record))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("unsupported version 3");
    }

    private ObjectNode payloadV1() {
        ObjectNode payload = json.createObjectNode()
                .put("displayId", display).put("organizationId", org).put("name", "Lobby")
                .put("timezone", "UTC");
        payload.putArray("tags").add("lobby");
        return payload;
    }

    private byte[] envelope(int version, ObjectNode payload) throws Exception {
        ObjectNode envelope = json.createObjectNode()
                .put("eventId", UUID.randomUUID().toString()).put("type", "DisplayRegistered").put("version", version)
                .put("organizationId", org).put("aggregateType", "Display").put("aggregateId", display)
                .put("aggregateSequence", 0).put("position", 42).put("occurredAt", "2026-01-01T00:00:00Z")
                .put("actor", "someone").put("correlationId", "c");
        envelope.set("payload", payload);
        return json.writeValueAsBytes(envelope);
    }
}
