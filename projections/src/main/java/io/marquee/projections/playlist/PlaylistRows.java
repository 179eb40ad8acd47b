package io.marquee.projections.playlist;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.projections.BatchRows;
import io.marquee.projections.CopyIn;
import io.marquee.projections.RowTable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The {@code projection_playlist} table. */
final class PlaylistRows implements RowTable<PlaylistRows.Playlist> {

    private static final TypeReference<List<PlaylistItem>> ITEMS = new TypeReference<>() {
    };

    /** A playlist row in memory. */
    static final class Playlist extends BatchRows.Row {
        final UUID playlistId;
        final UUID organizationId;
        String name;
        List<PlaylistItem> items;
        boolean archived;

        Playlist(UUID playlistId, UUID organizationId, String name, List<PlaylistItem> items, boolean archived,
                 long lastPosition) {
            super(lastPosition);
            this.playlistId = playlistId;
            this.organizationId = organizationId;
            this.name = name;
            this.items = items;
            this.archived = archived;
        }

        @Override
        public UUID id() {
            return playlistId;
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = MarqueeJson.newMapper();

    PlaylistRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Playlist> select(Set<UUID> ids) {
        return jdbc.query("""
                SELECT playlist_id, organization_id, name, items::text, archived, last_position
                FROM projection_playlist WHERE playlist_id = ANY(?) ORDER BY playlist_id FOR UPDATE""",
                (rs, n) -> new Playlist(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        read(rs.getString(4)), rs.getBoolean(5), rs.getLong(6)),
                (Object) ids.toArray(UUID[]::new));
    }

    @Override
    public void insert(List<Playlist> created) {
        jdbc.batchUpdate("""
                    INSERT INTO projection_playlist (name, items, archived, last_position, playlist_id, organization_id)
                    VALUES (?, ?::jsonb, ?, ?, ?, ?) ON CONFLICT (playlist_id) DO NOTHING""",
                    created, created.size(), (statement, playlist) -> {
                        bind(statement, playlist);
                        statement.setObject(6, playlist.organizationId);
                    });
    }

    @Override
    public void insertNew(List<Playlist> created) {
        CopyIn.copy(jdbc, "projection_playlist", List.of("playlist_id", "organization_id", "name", "items", "archived",
                "last_position"), created, (playlist, line) -> line.add(playlist.playlistId)
                .add(playlist.organizationId).add(playlist.name).add(write(playlist.items)).add(playlist.archived)
                .add(playlist.lastPosition()));
    }

    @Override
    public void update(List<Playlist> changed) {
        jdbc.batchUpdate("""
                    UPDATE projection_playlist SET name = ?, items = ?::jsonb, archived = ?, last_position = ?
                    WHERE playlist_id = ?""",
                    changed, changed.size(), this::bind);
    }

    private void bind(PreparedStatement statement, Playlist playlist) throws SQLException {
        statement.setString(1, playlist.name);
        statement.setString(2, write(playlist.items));
        statement.setBoolean(3, playlist.archived);
        statement.setLong(4, playlist.lastPosition());
        statement.setObject(5, playlist.playlistId);
    }

    private List<PlaylistItem> read(String items) {
        try {
            return json.readValue(items, ITEMS);
        } catch (IOException e) {
            throw new UncheckedIOException("stored playlist items are not valid JSON", e);
        }
    }

    private String write(List<PlaylistItem> items) {
        try {
            return json.writeValueAsString(items);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write playlist items as JSON", e);
        }
    }
}
