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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads one display's manifest content out of the read models: its default playlist and schedule,
 * each playlist with its items resolved to their content. Archived playlists play nothing; archived
 * or unknown content is left out.
 */
@Component
class ManifestAssembler {

    static final int FALLBACK_DURATION_SECONDS = 10;
    private static final TypeReference<List<PlaylistItem>> ITEMS = new TypeReference<>() {
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
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json = MarqueeJson.newMapper();

    ManifestAssembler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    Optional<DisplayRow> display(DisplayId displayId) {
        return jdbc.query("""
                SELECT organization_id, timezone, playlist_id, decommissioned, last_position
                FROM projection_display WHERE display_id = ?""",
                rs -> rs.next() ? Optional.of(new DisplayRow(new OrganizationId(rs.getObject(1, UUID.class)),
                        rs.getString(2), rs.getObject(3, UUID.class), rs.getBoolean(4), rs.getLong(5)))
                        : Optional.empty(),
                displayId.value());
    }

    ManifestContent assemble(DisplayId displayId, DisplayRow display) {
        List<EntryRow> entries = scheduleOf(displayId);
        Set<UUID> playlistIds = new HashSet<>();
        if (display.playlistId() != null) {
            playlistIds.add(display.playlistId());
        }
        entries.forEach(entry -> playlistIds.add(entry.playlistId()));
        Map<UUID, PlaylistRow> playlists = livePlaylists(playlistIds);
        Map<UUID, ContentRow> contents = contents(playlists.values());

        long position = display.position();
        for (PlaylistRow playlist : playlists.values()) {
            position = Math.max(position, playlist.position());
        }
        for (ContentRow content : contents.values()) {
            position = Math.max(position, content.position());
        }
        ManifestPlaylist defaultPlaylist = display.playlistId() == null ? null
                : resolve(playlists.get(display.playlistId()), contents);
        List<ManifestScheduleEntry> schedule = entries.stream()
                .filter(entry -> playlists.containsKey(entry.playlistId()))
                .map(entry -> new ManifestScheduleEntry(entry.entryId(), entry.days(), entry.start(), entry.end(),
                        entry.startDate(), entry.endDate(), entry.priority(),
                        resolve(playlists.get(entry.playlistId()), contents)))
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

    private List<EntryRow> scheduleOf(DisplayId displayId) {
        return jdbc.query("""
                SELECT entry_id, playlist_id, days_of_week::text, start_time, end_time, start_date, end_date, priority
                FROM projection_schedule_entry WHERE display_id = ? ORDER BY priority DESC, added_position""",
                (rs, row) -> new EntryRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        read(rs.getString(3), new TypeReference<List<String>>() {
                        }),
                        toLocalTime(rs.getTime(4)), toLocalTime(rs.getTime(5)),
                        toLocalDate(rs.getDate(6)), toLocalDate(rs.getDate(7)), rs.getInt(8)),
                displayId.value());
    }

    private Map<UUID, PlaylistRow> livePlaylists(Set<UUID> ids) {
        Map<UUID, PlaylistRow> rows = new HashMap<>();
        if (!ids.isEmpty()) {
            named.query("""
                    SELECT playlist_id, name, items::text, last_position FROM projection_playlist
                    WHERE playlist_id IN (:ids) AND NOT archived""",
                    new MapSqlParameterSource("ids", ids),
                    (ResultSet rs) -> {
                        UUID id = rs.getObject(1, UUID.class);
                        rows.put(id, new PlaylistRow(id, rs.getString(2), read(rs.getString(3), ITEMS), rs.getLong(4)));
                    });
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
            named.query("""
                    SELECT content_id, type, uri, default_duration_seconds, checksum, size_bytes, valid_from,
                           valid_until, last_position
                    FROM projection_content WHERE content_id IN (:ids) AND NOT archived""",
                    new MapSqlParameterSource("ids", ids),
                    (ResultSet rs) -> {
                        rows.put(rs.getObject(1, UUID.class), new ContentRow(rs.getString(2), rs.getString(3),
                                (Integer) rs.getObject(4), rs.getString(5), (Long) rs.getObject(6),
                                toInstant(rs.getTimestamp(7)), toInstant(rs.getTimestamp(8)), rs.getLong(9)));
                    });
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
