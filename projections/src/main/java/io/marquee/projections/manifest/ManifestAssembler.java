package io.marquee.projections.manifest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.manifest.ManifestItem;
import io.marquee.events.manifest.ManifestPlaylist;
import io.marquee.events.manifest.ManifestScheduleEntry;
import io.marquee.events.playlist.PlaylistItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Reads displays' manifest content out of the read models, for all the displays of a batch at once: its default playlist and schedule,
 * each playlist with its items resolved to their content. Archived playlists play nothing; archived
 * or unknown content is left out.
 */
@Component
class ManifestAssembler {

    static final int FALLBACK_DURATION_SECONDS = 10;
    private static final TypeReference<List<PlaylistItem>> ITEMS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> DAYS = new TypeReference<>() {
    };

    /** A display row, as far as its manifest is concerned. */
    record DisplayRow(OrganizationId organizationId, String timezone, UUID playlistId, boolean decommissioned,
                      long position) {
    }

    private record PlaylistRow(UUID playlistId, String name, List<PlaylistItem> items, long position) {
    }

    private record ContentRow(String type, String uri, Integer defaultDuration, String checksum, Long sizeBytes,
                              Instant validFrom, Instant validUntil, long position) {
    }

    private record EntryRow(UUID entryId, UUID playlistId, List<String> days, LocalTime start,
                            LocalTime end, LocalDate startDate, LocalDate endDate,
                            int priority) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = MarqueeJson.newMapper();

    ManifestAssembler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A display's row and, unless it is decommissioned, its manifest content. */
    record Assembled(DisplayRow row, ManifestContent content) {
    }

    /**
     * Assembles the manifests of these displays with one query per table for all of them; displays
     * without a row are left out.
     */
    Map<DisplayId, Assembled> assembleAll(Collection<DisplayId> displayIds) {
        Map<UUID, DisplayRow> rows = displays(displayIds);
        Map<UUID, List<EntryRow>> schedules = schedulesOf(rows.keySet());
        Set<UUID> playlistIds = new HashSet<>();
        rows.values().forEach(row -> {
            if (row.playlistId() != null) {
                playlistIds.add(row.playlistId());
            }
        });
        schedules.values().forEach(entries -> entries.forEach(entry -> playlistIds.add(entry.playlistId())));
        Map<UUID, PlaylistRow> playlists = livePlaylists(playlistIds);
        Map<UUID, ContentRow> contents = contents(playlists.values());
        // a playlist resolves to the same items for every display showing it: once per call, shared
        Map<UUID, ManifestPlaylist> resolved = new HashMap<>();
        playlists.forEach((id, playlist) -> resolved.put(id, resolve(playlist, contents)));
        Map<DisplayId, Assembled> assembled = new HashMap<>();
        rows.forEach((id, row) -> assembled.put(new DisplayId(id), new Assembled(row, row.decommissioned() ? null
                : assemble(row, schedules.getOrDefault(id, List.of()), playlists, contents, resolved))));
        return assembled;
    }

    private Map<UUID, DisplayRow> displays(Collection<DisplayId> displayIds) {
        Map<UUID, DisplayRow> rows = new HashMap<>();
        jdbc.query("""
                SELECT display_id, organization_id, timezone, playlist_id, decommissioned, last_position
                FROM projection_display WHERE display_id = ANY(?)""",
                (ResultSet rs) -> {
                    rows.put(rs.getObject(1, UUID.class), new DisplayRow(new OrganizationId(rs.getObject(2, UUID.class)),
                            rs.getString(3), rs.getObject(4, UUID.class), rs.getBoolean(5), rs.getLong(6)));
                },
                (Object) displayIds.stream().map(DisplayId::value).toArray(UUID[]::new));
        return rows;
    }

    /**
     * One display's manifest from the batch's rows: only its own playlists and their contents count (for its
     * position); its playlists come resolved ({@code resolved}, by playlist id).
     */
    private ManifestContent assemble(DisplayRow display, List<EntryRow> entries, Map<UUID, PlaylistRow> allPlaylists,
                                     Map<UUID, ContentRow> allContents, Map<UUID, ManifestPlaylist> resolved) {
        Map<UUID, PlaylistRow> playlists = new HashMap<>();
        if (display.playlistId() != null && allPlaylists.containsKey(display.playlistId())) {
            playlists.put(display.playlistId(), allPlaylists.get(display.playlistId()));
        }
        entries.stream().filter(entry -> allPlaylists.containsKey(entry.playlistId()))
                .forEach(entry -> playlists.put(entry.playlistId(), allPlaylists.get(entry.playlistId())));
        Map<UUID, ContentRow> contents = new HashMap<>();
        playlists.values().forEach(playlist -> playlist.items().stream()
                .filter(item -> item.contentId() != null && allContents.containsKey(item.contentId().value()))
                .forEach(item -> contents.put(item.contentId().value(), allContents.get(item.contentId().value()))));

        long position = display.position();
        for (PlaylistRow playlist : playlists.values()) {
            position = Math.max(position, playlist.position());
        }
        for (ContentRow content : contents.values()) {
            position = Math.max(position, content.position());
        }
        ManifestPlaylist defaultPlaylist = display.playlistId() == null ? null : resolved.get(display.playlistId());
        List<ManifestScheduleEntry> schedule = entries.stream()
                .filter(entry -> playlists.containsKey(entry.playlistId()))
                .map(entry -> new ManifestScheduleEntry(entry.entryId(), entry.days(), entry.start(), entry.end(),
                        entry.startDate(), entry.endDate(), entry.priority(), resolved.get(entry.playlistId())))
                .toList();
        return new ManifestContent(display.organizationId(), display.timezone(), defaultPlaylist, schedule, position);
    }

    private ManifestPlaylist resolve(PlaylistRow playlist, Map<UUID, ContentRow> contents) {
        if (playlist == null) {
            return null;
        }
        List<ManifestItem> items = new ArrayList<>();
        for (PlaylistItem item : playlist.items()) {
            if (item.contentId() == null) {
                items.add(new ManifestItem(item.itemId(), null, PlaylistItem.legacyTypeOf(item.uri()), item.uri(),
                        Objects.requireNonNullElse(item.durationSeconds(), FALLBACK_DURATION_SECONDS),
                        null, null, null, null));
                continue;
            }
            ContentRow content = contents.get(item.contentId().value());
            if (content != null) {
                int duration = item.durationSeconds() != null ? item.durationSeconds()
                        : Objects.requireNonNullElse(content.defaultDuration(), FALLBACK_DURATION_SECONDS);
                items.add(new ManifestItem(item.itemId(), item.contentId().value(), content.type(), content.uri(),
                        duration, content.checksum(), content.sizeBytes(), content.validFrom(), content.validUntil()));
            }
        }
        return new ManifestPlaylist(new PlaylistId(playlist.playlistId()), playlist.name(), items);
    }

    private Map<UUID, List<EntryRow>> schedulesOf(Set<UUID> displayIds) {
        Map<UUID, List<EntryRow>> schedules = new HashMap<>();
        if (displayIds.isEmpty()) {
            return schedules;
        }
        jdbc.query("""
                SELECT display_id, entry_id, playlist_id, days_of_week::text, start_time, end_time, start_date, end_date,
                    priority
                FROM projection_schedule_entry WHERE display_id = ANY(?)
                ORDER BY display_id, priority DESC, added_position""",
                (ResultSet rs) -> {
                    schedules.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(new EntryRow(
                            rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), read(rs.getString(4), DAYS),
                            toLocalTime(rs.getTime(5)), toLocalTime(rs.getTime(6)),
                            toLocalDate(rs.getDate(7)), toLocalDate(rs.getDate(8)), rs.getInt(9)));
                },
                (Object) displayIds.toArray(UUID[]::new));
        return schedules;
    }

    private Map<UUID, PlaylistRow> livePlaylists(Set<UUID> ids) {
        Map<UUID, PlaylistRow> rows = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("""
                    SELECT playlist_id, name, items::text, last_position FROM projection_playlist
                    WHERE playlist_id = ANY(?) AND NOT archived""",
                    (ResultSet rs) -> {
                        UUID id = rs.getObject(1, UUID.class);
                        rows.put(id, new PlaylistRow(id, rs.getString(2), read(rs.getString(3), ITEMS), rs.getLong(4)));
                    },
                    (Object) ids.toArray(UUID[]::new));
        }
        return rows;
    }

    private Map<UUID, ContentRow> contents(Iterable<PlaylistRow> playlists) {
        Set<UUID> ids = new HashSet<>();
        playlists.forEach(playlist -> playlist.items().stream()
                .filter(item -> item.contentId() != null)
                .forEach(item -> ids.add(item.contentId().value())));
        Map<UUID, ContentRow> rows = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("""
                    SELECT content_id, type, uri, default_duration_seconds, checksum, size_bytes, valid_from,
                           valid_until, last_position
                    FROM projection_content WHERE content_id = ANY(?) AND NOT archived""",
                    (ResultSet rs) -> {
                        rows.put(rs.getObject(1, UUID.class), new ContentRow(rs.getString(2), rs.getString(3),
                                (Integer) rs.getObject(4), rs.getString(5), (Long) rs.getObject(6),
                                toInstant(rs.getTimestamp(7)), toInstant(rs.getTimestamp(8)), rs.getLong(9)));
                    },
                    (Object) ids.toArray(UUID[]::new));
        }
        return rows;
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a read model holds JSON it cannot read", e);
        }
    }

    private static Instant toInstant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalTime toLocalTime(Time time) {
        return time == null ? null : time.toLocalTime();
    }

    private static LocalDate toLocalDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
