package io.marquee.events;

import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.PlaylistUnassignedEvent;
import io.marquee.events.playlist.PlaylistCreatedEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event Marquee publishes, with its wire name, version and aggregate. The single source of that mapping. */
public final class EventCatalog {

    private static final List<EventType> TYPES = List.of(
            new EventType("DisplayRegistered", 1, "Display", DisplayRegisteredEvent.class),
            new EventType("PlaylistAssigned", 1, "Display", PlaylistAssignedEvent.class),
            new EventType("PlaylistUnassigned", 1, "Display", PlaylistUnassignedEvent.class),
            new EventType("PlaylistCreated", 1, "Playlist", PlaylistCreatedEvent.class));

    private static final Map<String, EventType> BY_NAME =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType> all() {
        return TYPES;
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType of(Class<?> eventClass) {
        EventType type = BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not in the event catalogue");
        }
        return type;
    }
}
