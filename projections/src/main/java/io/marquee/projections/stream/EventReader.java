package io.marquee.projections.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.EventType;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;

import java.io.IOException;

/** Turns a record value into a {@link ReadEvent}, or says precisely why it cannot. */
final class EventReader {

    /** A record no projection can apply; it goes to the dead-letter topic with this reason. */
    static final class UnreadableEventException extends Exception {
        UnreadableEventException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final ObjectMapper json = MarqueeJson.newMapper();

    ReadEvent read(byte[] value) throws UnreadableEventException {
        if (value == null) {
            throw new UnreadableEventException("empty record", null);
        }
        EventEnvelope envelope;
        try {
            envelope = json.readValue(value, EventEnvelope.class);
        } catch (IOException e) {
            throw new UnreadableEventException("not an event envelope: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (envelope.type() == null || envelope.payload() == null || envelope.organizationId() == null) {
            throw new UnreadableEventException("envelope lacks type, organizationId or payload", null);
        }
        EventType type = EventCatalog.byName(envelope.type()).orElseThrow(
                () -> new UnreadableEventException("unknown event type " + envelope.type(), null));
        if (envelope.version() != type.version()) {
            throw new UnreadableEventException("unsupported version " + envelope.version() + " of " + type.name(), null);
        }
        try {
            MarqueeEvent event = json.treeToValue(envelope.payload(), type.javaType());
            return new ReadEvent(envelope, event);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableEventException("payload is not a valid " + type.name(), e);
        }
    }
}
