package io.marquee.projections.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.EventType;
import io.marquee.events.IsoInstants;
import io.marquee.events.MarqueeEvent;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single pass of {@link EventReader}: walks the envelope's tokens once and reads the payload straight
 * into the event record (or, when the payload tree is kept, into a tree first), without building the
 * envelope through data binding. It takes only the shape every writer of the topic produces (the
 * envelope's fields as strings and integers, {@code type} and {@code version} before {@code payload},
 * the current version of the event); anything else, and any failure at all, returns empty, and the
 * reader falls back to the general two-pass path, which accepts and refuses exactly what it always did.
 */
final class EnvelopeParser {

    private final ObjectMapper json;
    private final boolean keepPayload;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    EnvelopeParser(ObjectMapper json, boolean keepPayload) {
        this.json = json;
        this.keepPayload = keepPayload;
    }

    /** The envelope and its event, or empty if this record needs the general path. */
    Optional<ReadEvent> parse(byte[] value) {
        try (JsonParser parser = json.createParser(value)) {
            return Optional.ofNullable(envelope(parser));
        } catch (IOException | RuntimeException unusual) {
            return Optional.empty();
        }
    }

    /** A mutable copy of the envelope's fields while its tokens go by. */
    private static final class Fields {
        UUID eventId;
        String type;
        int version;
        UUID organizationId;
        String aggregateType;
        String aggregateId;
        long aggregateSequence;
        long position;
        Instant occurredAt;
        String actor;
        String correlationId;
        JsonNode payload;
        MarqueeEvent event;
    }

    private ReadEvent envelope(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Fields fields = new Fields();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!field(parser, fields, name, value)) {
                return null;
            }
        }
        if (fields.event == null || fields.organizationId == null) {
            return null;
        }
        return new ReadEvent(new EventEnvelope(fields.eventId, fields.type, fields.version, fields.organizationId,
                fields.aggregateType, fields.aggregateId, fields.aggregateSequence, fields.position, fields.occurredAt,
                fields.actor, fields.correlationId, fields.payload), fields.event);
    }

    /** Takes one field's value; false if it is not of the usual shape. */
    private boolean field(JsonParser parser, Fields fields, String name, JsonToken value) throws IOException {
        if (fields.event != null && (name.equals("type") || name.equals("version"))) {
            return false; // a repeated field after the payload: the general path takes the last one
        }
        switch (name) {
            case "eventId" -> fields.eventId = uuid(parser, value);
            case "type" -> fields.type = string(parser, value);
            case "version" -> fields.version = integer(parser, value);
            case "organizationId" -> fields.organizationId = uuid(parser, value);
            case "aggregateType" -> fields.aggregateType = string(parser, value);
            case "aggregateId" -> fields.aggregateId = string(parser, value);
            case "aggregateSequence" -> fields.aggregateSequence = longValue(parser, value);
            case "position" -> fields.position = longValue(parser, value);
            case "occurredAt" -> fields.occurredAt = IsoInstants.parse(string(parser, value));
            case "actor" -> fields.actor = string(parser, value);
            case "correlationId" -> fields.correlationId = string(parser, value);
            case "payload" -> {
                return payload(parser, fields, value);
            }
            default -> parser.skipChildren(); // a field added to the contract later
        }
        return true;
    }

    private boolean payload(JsonParser parser, Fields fields, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT || fields.event != null || fields.type == null) {
            return false;
        }
        EventType type = EventCatalog.byName(fields.type).orElse(null);
        if (type == null || fields.version != type.version()) {
            return false; // unknown, or an older version that needs upcasting: the general path
        }
        ObjectReader reader = readers.computeIfAbsent(type.javaType(), json::readerFor);
        if (keepPayload) {
            fields.payload = json.readTree(parser);
            fields.event = reader.treeToValue(fields.payload, type.javaType());
        } else {
            fields.event = reader.readValue(parser);
        }
        return fields.event != null;
    }

    /** Only a string value; anything else (null, a number, ...) goes the general path. */
    private static String string(JsonParser parser, JsonToken value) {
        if (value != JsonToken.VALUE_STRING) {
            throw new UnusualShape();
        }
        try {
            return parser.getText();
        } catch (IOException e) {
            throw new UnusualShape();
        }
    }

    private static int integer(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new UnusualShape();
        }
        return parser.getIntValue();
    }

    private static long longValue(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new UnusualShape();
        }
        return parser.getLongValue();
    }

    /**
     * Only the canonical 36-character form, which data binding and this read alike; read from the parser's
     * buffer as it is checked, without a String.
     */
    private static UUID uuid(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING || parser.getTextLength() != 36) {
            throw new UnusualShape();
        }
        char[] text = parser.getTextCharacters();
        int at = parser.getTextOffset();
        if (text[at + 8] != '-' || text[at + 13] != '-' || text[at + 18] != '-' || text[at + 23] != '-') {
            throw new UnusualShape();
        }
        long high = hex(text, at, 8) << 32 | hex(text, at + 9, 4) << 16 | hex(text, at + 14, 4);
        long low = hex(text, at + 19, 4) << 48 | hex(text, at + 24, 12);
        return new UUID(high, low);
    }

    /** The value of {@code count} hex digits from {@code from}. */
    private static long hex(char[] text, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text[i];
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            } else {
                throw new UnusualShape();
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** Not the usual shape: the general path decides. */
    private static final class UnusualShape extends RuntimeException {
        UnusualShape() {
            super("not the usual envelope shape", null, false, false);
        }
    }
}
