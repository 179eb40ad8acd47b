package io.marquee.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.manifest.ManifestItem;
import io.marquee.events.manifest.ManifestPlaylist;
import io.marquee.events.manifest.ManifestScheduleEntry;
import io.marquee.events.playlist.PlaylistItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The manifest projection's assembly over replayed rows: archived playlists play nothing, archived or
 * unknown content is left out, schedule entries come by priority (highest first), then in the order they
 * were added, and items without a duration fall back to their content's, then to 10 seconds.
 */
final class ReplayAssembler {

    static final int FALLBACK_DURATION_SECONDS = 10;

    /** What a display plays now, the newest position among the rows it came from, and its hashable bytes. */
    record Assembled(ManifestPlaylist defaultPlaylist, List<ManifestScheduleEntry> schedule, long position,
                     byte[] playable) {
    }

    private record Playable(String timezone, ManifestPlaylist defaultPlaylist, List<ManifestScheduleEntry> schedule) {
    }

    private final Map<UUID, ReplayedRows.Content> contents;
    private final Map<UUID, ReplayedRows.Playlist> playlists;
    private final ObjectMapper json = MarqueeJson.newMapper();

    ReplayAssembler(Map<UUID, ReplayedRows.Content> contents, Map<UUID, ReplayedRows.Playlist> playlists) {
        this.contents = contents;
        this.playlists = playlists;
    }

    Assembled assemble(ReplayedRows.Display display) {
        Map<UUID, ReplayedRows.Playlist> live = livePlaylists(display);
        Map<UUID, ReplayedRows.Content> shown = liveContents(live);
        long position = display.lastPosition;
        for (ReplayedRows.Row row : live.values()) {
            position = Math.max(position, row.lastPosition);
        }
        for (ReplayedRows.Row row : shown.values()) {
            position = Math.max(position, row.lastPosition);
        }
        ManifestPlaylist defaultPlaylist = display.playlistId == null ? null
                : resolve(display.playlistId, live.get(display.playlistId), shown);
        List<ManifestScheduleEntry> schedule = schedule(display).stream()
                .filter(entry -> live.containsKey(entry.playlistId()))
                .map(entry -> new ManifestScheduleEntry(entry.entryId(), entry.daysOfWeek(), entry.startTime(),
                        entry.endTime(), entry.startDate(), entry.endDate(), entry.priority(),
                        resolve(entry.playlistId(), live.get(entry.playlistId()), shown)))
                .toList();
        return new Assembled(defaultPlaylist, schedule, position,
                bytes(new Playable(display.timezone, defaultPlaylist, schedule)));
    }

    /** Every position that changed the display or a live playlist or content it shows, ascending. */
    List<Long> positions(ReplayedRows.Display display) {
        Map<UUID, ReplayedRows.Playlist> live = livePlaylists(display);
        Set<Long> positions = new TreeSet<>(display.positions);
        live.values().forEach(row -> positions.addAll(row.positions));
        liveContents(live).values().forEach(row -> positions.addAll(row.positions));
        return List.copyOf(positions);
    }

    private static List<ReplayedRows.Entry> schedule(ReplayedRows.Display display) {
        return display.entries.stream()
                .sorted(Comparator.comparingInt(ReplayedRows.Entry::priority).reversed()
                        .thenComparingLong(ReplayedRows.Entry::addedPosition))
                .toList();
    }

    private Map<UUID, ReplayedRows.Playlist> livePlaylists(ReplayedRows.Display display) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (display.playlistId != null) {
            ids.add(display.playlistId);
        }
        display.entries.forEach(entry -> ids.add(entry.playlistId()));
        Map<UUID, ReplayedRows.Playlist> live = new HashMap<>();
        for (UUID id : ids) {
            ReplayedRows.Playlist playlist = playlists.get(id);
            if (playlist != null && !playlist.archived) {
                live.put(id, playlist);
            }
        }
        return live;
    }

    private Map<UUID, ReplayedRows.Content> liveContents(Map<UUID, ReplayedRows.Playlist> live) {
        Map<UUID, ReplayedRows.Content> shown = new HashMap<>();
        for (ReplayedRows.Playlist playlist : live.values()) {
            for (PlaylistItem item : playlist.items) {
                if (item.contentId() != null) {
                    ReplayedRows.Content content = contents.get(item.contentId().value());
                    if (content != null && !content.archived) {
                        shown.put(item.contentId().value(), content);
                    }
                }
            }
        }
        return shown;
    }

    private static ManifestPlaylist resolve(UUID playlistId, ReplayedRows.Playlist playlist,
                                            Map<UUID, ReplayedRows.Content> shown) {
        if (playlist == null) {
            return null;
        }
        List<ManifestItem> items = new ArrayList<>();
        for (PlaylistItem item : playlist.items) {
            if (item.contentId() == null) {
                items.add(new ManifestItem(item.itemId(), null, PlaylistItem.legacyTypeOf(item.uri()), item.uri(),
                        Objects.requireNonNullElse(item.durationSeconds(), FALLBACK_DURATION_SECONDS),
                        null, null, null, null));
                continue;
            }
            ReplayedRows.Content content = shown.get(item.contentId().value());
            if (content != null) {
                int duration = item.durationSeconds() != null ? item.durationSeconds()
                        : Objects.requireNonNullElse(content.defaultDurationSeconds, FALLBACK_DURATION_SECONDS);
                items.add(new ManifestItem(item.itemId(), item.contentId().value(), content.type, content.uri,
                        duration, content.checksum, content.sizeBytes, content.validFrom, content.validUntil));
            }
        }
        return new ManifestPlaylist(new PlaylistId(playlistId), playlist.name, items);
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a manifest as JSON", e);
        }
    }
}
