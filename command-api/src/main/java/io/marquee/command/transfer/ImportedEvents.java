package io.marquee.command.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.command.eventstore.CommandMetadata;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.EventType;
import io.marquee.events.EventUpcasters;
import io.marquee.events.MarqueeEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turning exported envelopes back into stored events. */
final class ImportedEvents {

    private ImportedEvents() {
    }

    /** The envelope as the event Axon stored in the first place, at the current version of its type. */
    static DomainEventMessage<MarqueeEvent> toMessage(EventEnvelope envelope, ObjectMapper json) {
        EventType type = EventCatalog.byName(envelope.type()).orElseThrow(() -> new IllegalArgumentException(
                "event " + envelope.eventId() + " has the unknown type " + envelope.type()));
        MarqueeEvent event;
        try {
            JsonNode payload = EventUpcasters.upcast(type, envelope.version(), envelope.payload());
            event = json.treeToValue(payload, type.javaType());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + envelope.eventId() + " is not a valid " + type.name(), e);
        }
        Map<String, Object> metaData = new HashMap<>();
        if (envelope.actor() != null) {
            metaData.put(CommandMetadata.ACTOR, envelope.actor());
        }
        if (envelope.correlationId() != null) {
            metaData.put(CommandMetadata.CORRELATION_ID, envelope.correlationId());
        }
        return new GenericDomainEventMessage<>(type.aggregateType(), envelope.aggregateId(),
                envelope.aggregateSequence(), event, metaData, envelope.eventId().toString(), envelope.occurredAt());
    }

    /**
     * Gives just-appended events their exported positions. They pass through negative values, so that
     * no two rows ever hold the same position mid-way; the sequence then continues after the highest.
     */
    static void restorePositions(JdbcTemplate jdbc, List<DomainEventMessage<?>> messages, List<Long> positions) {
        List<Object[]> moves = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            moves.add(new Object[]{-positions.get(i), messages.get(i).getIdentifier()});
        }
        jdbc.batchUpdate("UPDATE domain_event_entry SET global_index = ? WHERE event_identifier = ?", moves);
        jdbc.update("UPDATE domain_event_entry SET global_index = -global_index WHERE global_index < 0");
        jdbc.queryForObject("""
                SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'),
                              (SELECT max(global_index) FROM domain_event_entry))""", Long.class);
    }
}
