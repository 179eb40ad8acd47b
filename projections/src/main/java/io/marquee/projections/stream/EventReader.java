package io.marquee.projections.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.EventType;
import io.marquee.events.EventUpcasters;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;

import java.io.IOException;

/**
 * Turns a record value into a {@link ReadEvent}, or says precisely why it cannot
 * ({@link UnreadableRecordException}). A record of the usual shape is read in one pass over its bytes
 * ({@link EnvelopeParser}); any other, an old version or an unreadable one, goes the general path: the
 * envelope with its payload tree, upcast, then the tree into the event record. Both give the same
 * event and envelope, and only the general path refuses, so the reasons are what they always were.
 */
public final class EventReader {

    private final ObjectMapper json = MarqueeJson.newMapper();
    private final EnvelopeParser singlePass;

    /** A reader whose envelopes carry their payload tree (the history and other followers store it). */
    public EventReader() {
        this(true);
    }

    private EventReader(boolean keepPayload) {
        this.singlePass = new EnvelopeParser(json, keepPayload);
    }

    /**
     * A reader for a rebuild, which needs only the event records: a current-version envelope's payload
     * is read straight into its record and left out of the envelope ({@code payload()} is null); an
     * older one, upcast, keeps its tree.
     */
    public static EventReader withoutPayloads() {
        return new EventReader(false);
    }

    /** @throws UnreadableRecordException if the value is not a readable event envelope */
    public ReadEvent read(byte[] value) {
        if (value == null) {
            throw new UnreadableRecordException("empty record");
        }
        return singlePass.parse(value).orElseGet(() -> readGenerally(value));
    }

    /** The general path: any envelope the contract allows, upcast, or the precise reason it is unreadable. */
    ReadEvent readGenerally(byte[] value) {
        EventEnvelope envelope;
        try {
            envelope = json.readValue(value, EventEnvelope.class);
        } catch (IOException e) {
            throw new UnreadableRecordException(
                    "not an event envelope: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (envelope.type() == null || envelope.payload() == null || envelope.organizationId() == null) {
            throw new UnreadableRecordException("envelope lacks type, organizationId or payload");
        }
        EventType type = EventCatalog.byName(envelope.type()).orElseThrow(
                () -> new UnreadableRecordException("unknown event type " + envelope.type()));
        if (envelope.version() < 1 || envelope.version() > type.version()) {
            throw new UnreadableRecordException("unsupported version " + envelope.version() + " of " + type.name());
        }
        try {
            // an older version is read as the current one: the contract's upcasters fill in what it lacks
            JsonNode payload = EventUpcasters.upcast(type, envelope.version(), envelope.payload());
            MarqueeEvent event = json.treeToValue(payload, type.javaType());
            return new ReadEvent(current(envelope, type, payload), event);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableRecordException("payload is not a valid " + type.name(), e);
        }
    }

    /** The envelope as the current version would have carried it, so later readers see one shape. */
    private static EventEnvelope current(EventEnvelope read, EventType type, JsonNode payload) {
        if (read.version() == type.version()) {
            return read;
        }
        return new EventEnvelope(read.eventId(), read.type(), type.version(), read.organizationId(),
                read.aggregateType(), read.aggregateId(), read.aggregateSequence(), read.position(),
                read.occurredAt(), read.actor(), read.correlationId(), payload);
    }
}
