package io.marquee.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on {@code marquee.events}: one stored domain event with everything a consumer needs
 * to order, de-duplicate and attribute it. The payload stays a JSON tree so that a consumer can
 * read the envelope of an event type it does not know.
 *
 * @param eventId           unique id of the event; consumers de-duplicate on it
 * @param type              catalogue name, see {@link EventCatalog}
 * @param version           payload schema version
 * @param position          global position in the event store; strictly increasing per organization
 * @param aggregateSequence sequence number of the event within its aggregate, from 0
 * @param actor             who caused it (a user id, or {@code system})
 * @param correlationId     ties together the events of one request
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        UUID organizationId,
        String aggregateType,
        String aggregateId,
        long aggregateSequence,
        long position,
        Instant occurredAt,
        String actor,
        String correlationId,
        JsonNode payload) {
}
