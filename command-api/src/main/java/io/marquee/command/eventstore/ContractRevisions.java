package io.marquee.command.eventstore;

import io.marquee.events.EventCatalog;
import io.marquee.events.EventType;
import io.marquee.events.MarqueeEvent;
import org.axonframework.serialization.RevisionResolver;

/**
 * Stores each event's catalogued version as Axon's payload revision, so that a stored event says which
 * version of the contract its payload follows. Events stored before versions were recorded have no
 * revision: they are version 1.
 */
public final class ContractRevisions implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        if (!MarqueeEvent.class.isAssignableFrom(payloadType)) {
            return null;
        }
        return EventCatalog.byClassName(payloadType.getName()).map(type -> Integer.toString(type.version())).orElse(null);
    }

    /** The contract version of a stored payload revision. */
    public static int versionOf(String revision) {
        return revision == null || revision.isBlank() ? 1 : Integer.parseInt(revision);
    }

    /** The stored revision of a contract version. */
    static String revisionOf(EventType type) {
        return Integer.toString(type.version());
    }
}
