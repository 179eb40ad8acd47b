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
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.ids.ScheduleEntryId;
import io.marquee.events.ids.UserId;
import io.marquee.events.playlist.PlaylistArchivedEvent;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.events.playlist.PlaylistItemAddedEvent;
import io.marquee.events.playlist.PlaylistItemDurationChangedEvent;
import io.marquee.events.playlist.PlaylistItemMovedEvent;
import io.marquee.events.playlist.PlaylistItemRemovedEvent;
import io.marquee.events.playlist.PlaylistRenamedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** One fixed sample of every catalogued event, as pinned by its golden file. */
final class EventSamples {

    static final OrganizationId ORG = OrganizationId.of("0b5c1f4e-6a43-4d3e-9c4c-3f3f1c1d0001");
    static final UserId USER = UserId.of("3e4f5a6b-4444-4d4e-9f40-000000000005");
    static final DisplayId DISPLAY = DisplayId.of("5d0f2a7e-1111-4a1b-8c1d-000000000001");
    static final PlaylistId PLAYLIST = PlaylistId.of("7a9e3c52-2222-4b2c-9d2e-000000000002");
    static final ContentId CONTENT = ContentId.of("c0ffee00-5555-4e5f-8a51-000000000006");
    static final PlaylistItemId ITEM = PlaylistItemId.of("9c1d4b7a-3333-4c3d-8e3f-000000000003");
    static final ScheduleEntryId ENTRY = ScheduleEntryId.of("5c4ed01e-6666-4f60-9b62-000000000007");
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-12-31T23:59:59Z");

    static final List<MarqueeEvent> ALL = List.of(
            new OrganizationRegisteredEvent(ORG, "Acme Cinemas"),
            new UserAddedEvent(USER, ORG, "Ada Admin", "ADMIN"),
            new UserRoleChangedEvent(USER, ORG, "EDITOR", "ADMIN"),
            new UserRemovedEvent(USER, ORG),
            new ContentCreatedEvent(CONTENT, ORG, "Welcome", "IMAGE", "https://cdn.example.com/welcome.png", 8,
                    "sha256:9f86d081884c7d65", 524_288L, FROM, UNTIL),
            new ContentUpdatedEvent(CONTENT, ORG, "Welcome (winter)", "https://cdn.example.com/welcome-winter.png", 12,
                    null, null, null, UNTIL),
            new ContentArchivedEvent(CONTENT, ORG),
            new PlaylistCreatedEvent(PLAYLIST, ORG, "Morning loop", List.of(
                    new PlaylistItem(ITEM, "https://cdn.example.com/welcome.png", 10, null),
                    new PlaylistItem(PlaylistItemId.of("9c1d4b7a-3333-4c3d-8e3f-000000000004"),
                            "https://cdn.example.com/menu.mp4", 30, null))),
            new PlaylistRenamedEvent(PLAYLIST, ORG, "Evening loop"),
            new PlaylistItemAddedEvent(PLAYLIST, ORG, PlaylistItem.ofContent(ITEM, CONTENT, 15), 1),
            new PlaylistItemMovedEvent(PLAYLIST, ORG, ITEM, 0),
            new PlaylistItemDurationChangedEvent(PLAYLIST, ORG, ITEM, 20),
            new PlaylistItemRemovedEvent(PLAYLIST, ORG, ITEM),
            new PlaylistArchivedEvent(PLAYLIST, ORG),
            new DisplayRegisteredEvent(DISPLAY, ORG, "Lobby east", "Building A, ground floor", "Europe/Paris",
                    List.of("lobby", "4k"), DisplayRegisteredEvent.PORTRAIT),
            new DisplayUpdatedEvent(DISPLAY, ORG, "Lobby east", "Building A, first floor", "Europe/Paris", List.of("lobby")),
            new DeviceTokenIssuedEvent(DISPLAY, ORG, 2),
            new DisplayDecommissionedEvent(DISPLAY, ORG),
            new PlaylistAssignedEvent(DISPLAY, ORG, PLAYLIST),
            new PlaylistUnassignedEvent(DISPLAY, ORG, PLAYLIST),
            new ScheduleEntryAddedEvent(DISPLAY, ORG, ENTRY, PLAYLIST, List.of("MONDAY", "FRIDAY"),
                    LocalTime.of(9, 0), LocalTime.of(17, 30), LocalDate.of(2026, 1, 1), null, 5),
            new ScheduleEntryRemovedEvent(DISPLAY, ORG, ENTRY));

    private EventSamples() {
    }

    static MarqueeEvent of(EventType type) {
        return ALL.stream().filter(type.javaType()::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("no sample of " + type.name()));
    }
}
