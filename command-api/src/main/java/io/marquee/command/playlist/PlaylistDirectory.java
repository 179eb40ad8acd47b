package io.marquee.command.playlist;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.playlist.PlaylistArchivedEvent;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Which playlists exist, for whom, and whether they are archived: what a Display must know to accept
 * an assignment. Kept by a subscribing processor, so it is written in the transaction that stores
 * the playlist's events and is never behind the event store.
 */
@Component
@ProcessingGroup("command-directory")
class PlaylistDirectory implements PlaylistLookup {

    private final JdbcTemplate jdbc;

    PlaylistDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> find(PlaylistId playlistId) {
        return jdbc.query("SELECT organization_id, archived FROM command_playlist_directory WHERE playlist_id = ?",
                rs -> rs.next()
                        ? Optional.of(new Entry(playlistId,
                                new OrganizationId(rs.getObject(1, UUID.class)), rs.getBoolean(2)))
                        : Optional.empty(),
                playlistId.value());
    }

    @EventHandler
    void on(PlaylistCreatedEvent event) {
        jdbc.update("""
                INSERT INTO command_playlist_directory (playlist_id, organization_id, archived)
                VALUES (?, ?, FALSE) ON CONFLICT (playlist_id) DO NOTHING""",
                event.playlistId().value(), event.organizationId().value());
    }

    @EventHandler
    void on(PlaylistArchivedEvent event) {
        jdbc.update("UPDATE command_playlist_directory SET archived = TRUE WHERE playlist_id = ?",
                event.playlistId().value());
    }
}
