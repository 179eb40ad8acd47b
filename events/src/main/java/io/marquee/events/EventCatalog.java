package io.marquee.events;

import io.marquee.events.account.OrganizationRegisteredEvent;
import io.marquee.events.account.UserAddedEvent;
import io.marquee.events.account.UserRemovedEvent;
import io.marquee.events.account.UserRoleChangedEvent;
import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.content.ContentUpdatedEvent;
import io.marquee.events.display.DeviceTokenIssuedEvent;
import io.marquee.events.display.DisplayDecommissionedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.DisplayUpdatedEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.PlaylistUnassignedEvent;
import io.marquee.events.display.ScheduleEntryAddedEvent;
import io.marquee.events.display.ScheduleEntryRemovedEvent;
import io.marquee.events.playlist.PlaylistArchivedEvent;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItemAddedEvent;
import io.marquee.events.playlist.PlaylistItemDurationChangedEvent;
import io.marquee.events.playlist.PlaylistItemMovedEvent;
import io.marquee.events.playlist.PlaylistItemRemovedEvent;
import io.marquee.events.playlist.PlaylistRenamedEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event Marquee publishes, with its wire name, version and aggregate. The single source of that mapping. */
public final class EventCatalog {

    private static final List<EventType> TYPES = List.of(
            new EventType("OrganizationRegistered", 1, "Organization", OrganizationRegisteredEvent.class),
            new EventType("UserAdded", 1, "Organization", UserAddedEvent.class),
            new EventType("UserRoleChanged", 1, "Organization", UserRoleChangedEvent.class),
            new EventType("UserRemoved", 1, "Organization", UserRemovedEvent.class),
            new EventType("ContentCreated", 1, "Content", ContentCreatedEvent.class),
            new EventType("ContentUpdated", 1, "Content", ContentUpdatedEvent.class),
            new EventType("ContentArchived", 1, "Content", ContentArchivedEvent.class),
            new EventType("PlaylistCreated", 1, "Playlist", PlaylistCreatedEvent.class),
            new EventType("PlaylistRenamed", 1, "Playlist", PlaylistRenamedEvent.class),
            new EventType("PlaylistItemAdded", 1, "Playlist", PlaylistItemAddedEvent.class),
            new EventType("PlaylistItemMoved", 1, "Playlist", PlaylistItemMovedEvent.class),
            new EventType("PlaylistItemDurationChanged", 1, "Playlist", PlaylistItemDurationChangedEvent.class),
            new EventType("PlaylistItemRemoved", 1, "Playlist", PlaylistItemRemovedEvent.class),
            new EventType("PlaylistArchived", 1, "Playlist", PlaylistArchivedEvent.class),
            new EventType("DisplayRegistered", 2, "Display", DisplayRegisteredEvent.class),
            new EventType("DisplayUpdated", 1, "Display", DisplayUpdatedEvent.class),
            new EventType("DeviceTokenIssued", 1, "Display", DeviceTokenIssuedEvent.class),
            new EventType("DisplayDecommissioned", 1, "Display", DisplayDecommissionedEvent.class),
            new EventType("PlaylistAssigned", 1, "Display", PlaylistAssignedEvent.class),
            new EventType("PlaylistUnassigned", 1, "Display", PlaylistUnassignedEvent.class),
            new EventType("ScheduleEntryAdded", 1, "Display", ScheduleEntryAddedEvent.class),
            new EventType("ScheduleEntryRemoved", 1, "Display", ScheduleEntryRemovedEvent.class));

    private static final Map<String, EventType> BY_NAME =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType> all() {
        return TYPES;
    }

    /** The entry of a catalogued record class, by its fully qualified name (as Axon stores it). */
    public static Optional<EventType> byClassName(String className) {
        return TYPES.stream().filter(type -> type.javaType().getName().equals(className)).findFirst();
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
