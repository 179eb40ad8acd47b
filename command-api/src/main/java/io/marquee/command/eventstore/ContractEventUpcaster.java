package io.marquee.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventType;
import io.marquee.events.EventUpcasters;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Axon's side of the contract's {@link EventUpcasters}: a stored event of an older version is brought up
 * to the catalogued one as it is read from the event store, so aggregates load old events and the
 * relay publishes them as the current version.
 */
@Component
public class ContractEventUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return outdated(representation).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        EventType type = outdated(representation).orElseThrow();
        int stored = ContractRevisions.versionOf(representation.getType().getRevision());
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), ContractRevisions.revisionOf(type)),
                JsonNode.class, payload -> EventUpcasters.upcast(type, stored, payload));
    }

    private static Optional<EventType> outdated(IntermediateEventRepresentation representation) {
        return EventCatalog.byClassName(representation.getType().getName()).filter(type -> EventUpcasters.isOutdated(
                type, ContractRevisions.versionOf(representation.getType().getRevision())));
    }
}
