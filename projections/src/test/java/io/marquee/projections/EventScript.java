package io.marquee.projections;

import io.marquee.events.MarqueeEvent;
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
import io.marquee.events.playlist.PlaylistArchivedEvent;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.events.playlist.PlaylistItemAddedEvent;
import io.marquee.events.playlist.PlaylistItemDurationChangedEvent;
import io.marquee.events.playlist.PlaylistItemMovedEvent;
import io.marquee.events.playlist.PlaylistItemRemovedEvent;
import io.marquee.events.playlist.PlaylistRenamedEvent;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded random history of one organization, as the write side could produce it: a few displays,
 * playlists and content items created, then changed many times each (assignments, schedules, item
 * edits, renames, content updates, the odd archiving or decommissioning), so that a batch touches the
 * same rows again and again.
 */
final class EventScript {

    private final Random random;
    private final OrganizationId org;
    private final List<DisplayId> displays = new ArrayList<>();
    private final List<PlaylistId> playlists = new ArrayList<>();
    private final List<ContentId> contents = new ArrayList<>();
    private final Map<PlaylistId, List<PlaylistItemId>> items = new HashMap<>();
    private final Map<DisplayId, List<ScheduleEntryId>> entries = new HashMap<>();
    private long tokenGeneration;

    EventScript(long seed, OrganizationId org) {
        this.random = new Random(seed);
        this.org = org;
    }

    List<MarqueeEvent> events(int count) {
        List<MarqueeEvent> events = new ArrayList<>();
        while (events.size() < count) {
            events.add(next());
        }
        return events;
    }

    private MarqueeEvent next() {
        if (contents.size() < 3 && (contents.isEmpty() || random.nextInt(10) == 0)) {
            ContentId content = ContentId.random();
            contents.add(content);
            return new ContentCreatedEvent(content, org, "Content " + contents.size(), "IMAGE",
                    "https://cdn.example.com/" + content + ".png", random.nextBoolean() ? 8 : null, null, null, null, null);
        }
        if (playlists.size() < 3 && (playlists.isEmpty() || random.nextInt(10) == 0)) {
            PlaylistId playlist = PlaylistId.random();
            playlists.add(playlist);
            PlaylistItem item = item();
            items.put(playlist, new ArrayList<>(List.of(item.itemId())));
            return new PlaylistCreatedEvent(playlist, org, "Loop " + playlists.size(), List.of(item));
        }
        if (displays.size() < 4 && (displays.isEmpty() || random.nextInt(8) == 0)) {
            DisplayId display = DisplayId.random();
            displays.add(display);
            entries.put(display, new ArrayList<>());
            return new DisplayRegisteredEvent(display, org, "Display " + displays.size(), null, "UTC", List.of());
        }
        return switch (random.nextInt(3)) {
            case 0 -> displayChange(pick(displays));
            case 1 -> playlistChange(pick(playlists));
            default -> contentChange(pick(contents));
        };
    }

    private MarqueeEvent displayChange(DisplayId display) {
        int roll = random.nextInt(100);
        List<ScheduleEntryId> scheduled = entries.get(display);
        if (roll < 35) {
            return new PlaylistAssignedEvent(display, org, pick(playlists));
        }
        if (roll < 45) {
            return new PlaylistUnassignedEvent(display, org, pick(playlists));
        }
        if (roll < 65) {
            ScheduleEntryId entry = ScheduleEntryId.random();
            scheduled.add(entry);
            return new ScheduleEntryAddedEvent(display, org, entry, pick(playlists), List.of("MONDAY"),
                    LocalTime.of(random.nextInt(12), 0), LocalTime.of(12 + random.nextInt(12), 30), null, null,
                    random.nextInt(3));
        }
        if (roll < 78 && !scheduled.isEmpty()) {
            return new ScheduleEntryRemovedEvent(display, org, scheduled.remove(random.nextInt(scheduled.size())));
        }
        if (roll < 90) {
            return new DisplayUpdatedEvent(display, org, "Display " + random.nextInt(100), "Floor " + random.nextInt(3),
                    random.nextBoolean() ? "UTC" : "Europe/Paris", List.of("tag" + random.nextInt(3)));
        }
        if (roll < 99 || !display.equals(displays.get(0))) {
            return new DeviceTokenIssuedEvent(display, org, ++tokenGeneration);
        }
        // only the first display is ever decommissioned, so most displays keep a manifest to compare
        return new DisplayDecommissionedEvent(display, org);
    }

    private MarqueeEvent playlistChange(PlaylistId playlist) {
        int roll = random.nextInt(100);
        List<PlaylistItemId> ids = items.get(playlist);
        if (roll < 30 || ids.isEmpty()) {
            PlaylistItem item = item();
            ids.add(item.itemId());
            return new PlaylistItemAddedEvent(playlist, org, item, random.nextInt(ids.size() + 1));
        }
        if (roll < 45) {
            return new PlaylistItemMovedEvent(playlist, org, pick(ids), random.nextInt(ids.size()));
        }
        if (roll < 60) {
            return new PlaylistItemDurationChangedEvent(playlist, org, pick(ids), random.nextBoolean() ? 3 + random.nextInt(20) : null);
        }
        if (roll < 75) {
            return new PlaylistItemRemovedEvent(playlist, org, ids.remove(random.nextInt(ids.size())));
        }
        if (roll < 98) {
            return new PlaylistRenamedEvent(playlist, org, "Loop " + random.nextInt(100));
        }
        return new PlaylistArchivedEvent(playlist, org);
    }

    private MarqueeEvent contentChange(ContentId content) {
        if (random.nextInt(50) == 0) {
            return new ContentArchivedEvent(content, org);
        }
        return new ContentUpdatedEvent(content, org, "Content " + random.nextInt(100),
                "https://cdn.example.com/" + random.nextInt(100) + ".png", random.nextBoolean() ? 5 + random.nextInt(10) : null,
                "sha256:" + random.nextInt(1000), (long) random.nextInt(100_000), null, null);
    }

    private PlaylistItem item() {
        if (random.nextInt(4) == 0 || contents.isEmpty()) {
            return new PlaylistItem(PlaylistItemId.random(), "https://cdn.example.com/legacy" + random.nextInt(10) + ".mp4",
                    random.nextBoolean() ? 7 : null, null);
        }
        return PlaylistItem.ofContent(PlaylistItemId.random(), pick(contents), random.nextBoolean() ? 4 : null);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
