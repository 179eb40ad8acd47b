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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reads one display's current manifest content out of the read models. */
@Component
class ManifestAssembler {

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
        try {
            return json.readValue(itemsJson, ITEMS).stream()
                    .map(item -> new ManifestItem(item.itemId(), null, typeOf(item.uri()), item.uri(),
                            item.durationSeconds() == null ? 10 : item.durationSeconds(), null, null, null, null))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("stored playlist items are not valid JSON", e);
        }
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
