package io.marquee.query.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Playlists from {@code projection_playlist}, scoped to one organization. */
@Component
class PlaylistReads {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PlaylistReads(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Page<PlaylistView> list(UUID organizationId, String name, boolean archived, PageRequest page) {
        ListFilter filter = new ListFilter("organization_id = ?", organizationId)
                .nameContains("name", name)
                .andIf(!archived, "NOT archived");
        long total = jdbc.queryForObject("SELECT count(*) FROM projection_playlist WHERE " + filter.sql(), Long.class, filter.args());
        var items = jdbc.query("""
                        SELECT playlist_id, name, archived, jsonb_array_length(items) AS item_count FROM projection_playlist
                        WHERE\s""" + filter.sql() + " ORDER BY lower(name), playlist_id LIMIT ? OFFSET ?",
                (rs, row) -> new PlaylistView(rs.getObject("playlist_id", UUID.class), rs.getString("name"),
                        rs.getBoolean("archived"), rs.getInt("item_count"), null),
                filter.argsThen(page.size(), page.offset()));
        return Page.of(items, page, total);
    }

    Optional<PlaylistView> find(UUID organizationId, UUID playlistId) {
        return jdbc.query("""
                        SELECT playlist_id, name, archived, items FROM projection_playlist
                        WHERE organization_id = ? AND playlist_id = ?""",
                (rs, row) -> {
                    JsonNode items = read(rs.getString("items"));
                    return new PlaylistView(rs.getObject("playlist_id", UUID.class), rs.getString("name"),
                            rs.getBoolean("archived"), items.size(), items);
                }, organizationId, playlistId).stream().findFirst();
    }

    private JsonNode read(String items) {
        try {
            return json.readTree(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored playlist's items are not JSON", e);
        }
    }
}
