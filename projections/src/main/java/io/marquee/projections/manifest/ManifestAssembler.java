package io.marquee.projections.manifest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.manifest.ManifestItem;
import io.marquee.events.manifest.ManifestPlaylist;
import io.marquee.events.playlist.PlaylistItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reads one display's current manifest content out of the read models. */
@Component
class ManifestAssembler {

    /** How long an item plays when neither it nor its content says. */
    static final int DEFAULT_DURATION_SECONDS = 10;
    private static final TypeReference<List<PlaylistItem>> ITEMS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = MarqueeJson.newMapper();

    ManifestAssembler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ManifestContent> assemble(DisplayId displayId) {
        return jdbc.query("""
                SELECT d.organization_id, d.timezone, d.last_position,
                       p.playlist_id, p.name, p.items, p.last_position
                FROM projection_display d
                LEFT JOIN projection_playlist p ON p.playlist_id = d.playlist_id
                WHERE d.display_id = ?""", rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            UUID playlistId = rs.getObject(4, UUID.class);
            ManifestPlaylist playlist = playlistId == null ? null
                    : new ManifestPlaylist(new PlaylistId(playlistId), rs.getString(5), items(rs.getString(6)));
            long position = Math.max(rs.getLong(3), rs.getLong(7));
            return Optional.of(new ManifestContent(new OrganizationId(rs.getObject(1, UUID.class)),
                    rs.getString(2), playlist, List.of(), position));
        }, displayId.value());
    }

    private List<ManifestItem> items(String itemsJson) {
        List<PlaylistItem> items;
        try {
            items = json.readValue(itemsJson, ITEMS);
        } catch (IOException e) {
            throw new UncheckedIOException("stored playlist items are not valid JSON", e);
        }
        Map<UUID, ContentRow> contents = liveContent(items);
        return items.stream()
                .map(item -> item.contentId() == null ? fromUri(item) : fromContent(item, contents.get(item.contentId().value())))
                .filter(Objects::nonNull)
                .toList();
    }

    /** An item stored before content existed: a bare URI, its type guessed. */
    private static ManifestItem fromUri(PlaylistItem item) {
        return new ManifestItem(item.itemId(), null, typeOf(item.uri()), item.uri(),
                item.durationSeconds() == null ? DEFAULT_DURATION_SECONDS : item.durationSeconds(),
                null, null, null, null);
    }

    /** An item showing a content item; none when the content is unknown or archived. */
    private static ManifestItem fromContent(PlaylistItem item, ContentRow content) {
        if (content == null) {
            return null;
        }
        int duration = item.durationSeconds() != null ? item.durationSeconds()
                : content.defaultDurationSeconds() != null ? content.defaultDurationSeconds() : DEFAULT_DURATION_SECONDS;
        return new ManifestItem(item.itemId(), item.contentId().value(), content.type(), content.uri(), duration,
                content.checksum(), content.sizeBytes(), content.validFrom(), content.validUntil());
    }

    private record ContentRow(String type, String uri, Integer defaultDurationSeconds, String checksum,
                              Long sizeBytes, Instant validFrom, Instant validUntil) {
    }

    private Map<UUID, ContentRow> liveContent(List<PlaylistItem> items) {
        UUID[] ids = items.stream().map(PlaylistItem::contentId).filter(Objects::nonNull)
                .map(id -> id.value()).distinct().toArray(UUID[]::new);
        Map<UUID, ContentRow> rows = new HashMap<>();
        if (ids.length == 0) {
            return rows;
        }
        jdbc.query("""
                SELECT content_id, type, uri, default_duration_seconds, checksum, size_bytes, valid_from, valid_until
                FROM projection_content WHERE content_id = ANY (?) AND NOT archived""", rs -> {
            rows.put(rs.getObject(1, UUID.class), new ContentRow(rs.getString(2), rs.getString(3),
                    rs.getObject(4, Integer.class), rs.getString(5), rs.getObject(6, Long.class),
                    instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8))));
        }, (Object) ids);
        return rows;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Items given as bare URIs have no declared type: infer it from the file extension. */
    static String typeOf(String uri) {
        String path = uri.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        if (path.matches(".*\\.(png|jpe?g|gif|webp|svg|avif)$")) {
            return "IMAGE";
        }
        if (path.matches(".*\\.(mp4|webm|mov|m4v|ogv)$")) {
            return "VIDEO";
        }
        return "WEB_PAGE";
    }
}
