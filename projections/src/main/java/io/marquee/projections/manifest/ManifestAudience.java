package io.marquee.projections.manifest;

import io.marquee.events.ids.DisplayId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Which displays a change reaches: a playlist or content change fans out to every display that shows it. */
@Component
public class ManifestAudience {

    private final JdbcTemplate jdbc;

    ManifestAudience(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Displays showing any of these playlists by default or in a schedule entry. */
    public Set<DisplayId> showingPlaylists(Collection<UUID> playlistIds) {
        UUID[] ids = playlistIds.toArray(UUID[]::new);
        return new HashSet<>(jdbc.query("""
                SELECT display_id FROM projection_display WHERE playlist_id = ANY(?)
                UNION
                SELECT display_id FROM projection_schedule_entry WHERE playlist_id = ANY(?)""",
                (rs, row) -> new DisplayId(rs.getObject(1, UUID.class)), ids, ids));
    }

    /** Displays showing, by default or on schedule, any playlist that has an item of any of these contents. */
    public Set<DisplayId> showingContents(Collection<UUID> contentIds) {
        String[] containsContent = contentIds.stream()
                .map(contentId -> "[{\"contentId\":\"" + contentId + "\"}]").toArray(String[]::new);
        return new HashSet<>(jdbc.query("""
                WITH playlists AS (SELECT playlist_id FROM projection_playlist WHERE items @> ANY(?::jsonb[]))
                SELECT display_id FROM projection_display WHERE playlist_id IN (SELECT playlist_id FROM playlists)
                UNION
                SELECT display_id FROM projection_schedule_entry WHERE playlist_id IN (SELECT playlist_id FROM playlists)""",
                (rs, row) -> new DisplayId(rs.getObject(1, UUID.class)), (Object) containsContent));
    }
}
