package io.marquee.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.events.display.DisplayRegisteredEvent;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Brings an old version of an event's JSON payload up to the version {@link EventCatalog} lists, one
 * step at a time. Written once, here in the contract, and applied by every reader of stored or
 * published events: the command side's event store (so aggregates load old events) and the
 * projections' envelope reader (so old records on {@code marquee.events} still project).
 *
 * <p>A step takes the payload of version {@code n} and returns that of {@code n + 1}; it never
 * changes the input tree.
 */
public final class EventUpcasters {

    /** The steps, by {@code <event name>@<version they read>}. */
    private static final Map<String, UnaryOperator<ObjectNode>> STEPS = Map.of(
            step("DisplayRegistered", 1), EventUpcasters::displayRegisteredV1ToV2);

    private EventUpcasters() {
    }

    /**
     * The payload of {@code type} at its catalogued version.
     *
     * @throws IllegalArgumentException if the version is newer than the catalogued one, or no step
     *                                  leads from it to the catalogued one
     */
    public static JsonNode upcast(EventType type, int version, JsonNode payload) {
        if (version > type.version()) {
            throw new IllegalArgumentException("version " + version + " of " + type.name()
                    + " is newer than this reader's " + type.version());
        }
        if (!(payload instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the payload of " + type.name() + " is not a JSON object");
        }
        ObjectNode current = object;
        for (int from = version; from < type.version(); from++) {
            UnaryOperator<ObjectNode> step = STEPS.get(step(type.name(), from));
            if (step == null) {
                throw new IllegalArgumentException("no upcaster from version " + from + " of " + type.name());
            }
            current = step.apply(current.deepCopy());
        }
        return current;
    }

    /** Whether a payload of this version needs {@link #upcast} before it can be read as {@code type}. */
    public static boolean isOutdated(EventType type, int version) {
        return version < type.version();
    }

    private static String step(String name, int fromVersion) {
        return name + "@" + fromVersion;
    }

    /** Every display registered before version 2 was a landscape screen. */
    private static ObjectNode displayRegisteredV1ToV2(ObjectNode v1) {
        if (!v1.hasNonNull("orientation")) {
            v1.put("orientation", DisplayRegisteredEvent.LANDSCAPE);
        }
        return v1;
    }
}
