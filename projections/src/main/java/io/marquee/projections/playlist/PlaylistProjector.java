package io.marquee.projections.playlist;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.playlist.PlaylistArchivedEvent;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.events.playlist.PlaylistItems;
import io.marquee.events.playlist.PlaylistItemAddedEvent;
import io.marquee.events.playlist.PlaylistItemDurationChangedEvent;
import io.marquee.events.playlist.PlaylistItemMovedEvent;
import io.marquee.events.playlist.PlaylistItemRemovedEvent;
import io.marquee.events.playlist.PlaylistRenamedEvent;
import io.marquee.projections.Projector;
import io.marquee.projections.RowClaim;
import io.marquee.projections.manifest.ManifestAudience;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Keeps {@code projection_playlist}: its items in play order. Every change fans out to the displays
 * showing the playlist.
 */
@Component
class PlaylistProjector implements Projector {

    private static final TypeReference<List<PlaylistItem>> ITEMS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ManifestAudience audience;
    private final ObjectMapper json = MarqueeJson.newMapper();

    PlaylistProjector(JdbcTemplate jdbc, ManifestAudience audience) {
        this.jdbc = jdbc;
        this.audience = audience;
    }

    @Override
    public Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event) {
        long position = envelope.position();
        if (event instanceof PlaylistCreatedEvent created) {
            int inserted = jdbc.update("""
                    INSERT INTO projection_playlist (playlist_id, organization_id, name, items, last_position)
                    VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (playlist_id) DO NOTHING""",
                    created.playlistId().value(), created.organizationId().value(), created.name(),
                    write(created.items()), position);
            return inserted == 1 ? audience.showingPlaylist(created.playlistId().value()) : Set.of();
        }
        if (event instanceof PlaylistRenamedEvent renamed) {
            return change(renamed.playlistId(), position,
                    () -> jdbc.update("UPDATE projection_playlist SET name = ? WHERE playlist_id = ?",
                            renamed.name(), renamed.playlistId().value()));
        }
        if (event instanceof PlaylistArchivedEvent archived) {
            return change(archived.playlistId(), position,
                    () -> jdbc.update("UPDATE projection_playlist SET archived = TRUE WHERE playlist_id = ?",
                            archived.playlistId().value()));
        }
        if (event instanceof PlaylistItemAddedEvent added) {
            return changeItems(added.playlistId(), position, items -> PlaylistItems.insert(items, added.item(), added.position()));
        }
        if (event instanceof PlaylistItemMovedEvent moved) {
            return changeItems(moved.playlistId(), position, items -> PlaylistItems.move(items, moved.itemId(), moved.position()));
        }
        if (event instanceof PlaylistItemDurationChangedEvent changed) {
            return changeItems(changed.playlistId(), position,
                    items -> PlaylistItems.withDuration(items, changed.itemId(), changed.durationSeconds()));
        }
        if (event instanceof PlaylistItemRemovedEvent removed) {
            return changeItems(removed.playlistId(), position, items -> PlaylistItems.remove(items, removed.itemId()));
        }
        return Set.of();
    }

    private Set<DisplayId> changeItems(PlaylistId playlistId, long position, UnaryOperator<List<PlaylistItem>> edit) {
        return change(playlistId, position, () -> {
            String current = jdbc.queryForObject("SELECT items::text FROM projection_playlist WHERE playlist_id = ?",
                    String.class, playlistId.value());
            jdbc.update("UPDATE projection_playlist SET items = ?::jsonb WHERE playlist_id = ?",
                    write(edit.apply(read(current))), playlistId.value());
        });
    }

    private Set<DisplayId> change(PlaylistId playlistId, long position, Runnable change) {
        if (!RowClaim.claim(jdbc, "projection_playlist", "playlist_id", playlistId.value(), position)) {
            return Set.of();
        }
        change.run();
        return audience.showingPlaylist(playlistId.value());
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
