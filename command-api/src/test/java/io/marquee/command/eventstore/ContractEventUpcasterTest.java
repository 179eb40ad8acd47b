package io.marquee.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.events.MarqueeJson;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored events of an old contract version come out of the event store as the current version. */
class ContractEventUpcasterTest {

    final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(MarqueeJson.newMapper()).revisionResolver(new ContractRevisions()).build();
    final ContractEventUpcaster upcaster = new ContractEventUpcaster();

    @Test
    void a_stored_version_1_display_registration_is_read_as_version_2_in_landscape() {
        // given a row as stored before version 2: no revision, no orientation
        var stored = stored(DisplayRegisteredEvent.class, null, """
                {"displayId":"%s","organizationId":"%s","name":"Lobby","location":null,"timezone":"UTC","tags":[]}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()));

        // when
        IntermediateEventRepresentation read = upcast(stored);

        // then
        assertThat(read.getType().getRevision()).isEqualTo("2");
        JsonNode payload = read.getData(JsonNode.class).getData();
        assertThat(payload.get("orientation").asText()).isEqualTo("LANDSCAPE");
        DisplayRegisteredEvent event = serializer.deserialize(read.getData());
        assertThat(event.orientation()).isEqualTo(DisplayRegisteredEvent.LANDSCAPE);
    }

    @Test
    void a_stored_current_version_is_left_alone() {
        // given
        var stored = stored(PlaylistAssignedEvent.class, "1", """
                {"displayId":"%s","organizationId":"%s","playlistId":"%s"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));

        // when
        IntermediateEventRepresentation read = upcast(stored);

        // then
        assertThat(read.getType().getRevision()).isEqualTo("1");
        assertThat(upcaster.canUpcast(new InitialEventRepresentation(stored, serializer))).isFalse();
    }

    @Test
    void new_events_are_stored_with_their_catalogued_version_as_revision() {
        assertThat(new ContractRevisions().revisionOf(DisplayRegisteredEvent.class)).isEqualTo("2");
        assertThat(new ContractRevisions().revisionOf(PlaylistAssignedEvent.class)).isEqualTo("1");
        assertThat(new ContractRevisions().revisionOf(String.class)).isNull();
    }

    private IntermediateEventRepresentation upcast(GenericDomainEventEntry<byte[]> stored) {
        List<IntermediateEventRepresentation> read = upcaster
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private static GenericDomainEventEntry<byte[]> stored(Class<?> type, String revision, String payload) {
        return new GenericDomainEventEntry<>("Display", UUID.randomUUID().toString(), 0, UUID.randomUUID().toString(),
                Instant.now().toString(), type.getName(), revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
