package io.marquee.projections.playlist;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.playlist.PlaylistArchivedEvent;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItemAddedEvent;
import io.marquee.events.playlist.PlaylistItemDurationChangedEvent;
import io.marquee.events.playlist.PlaylistItemMovedEvent;
import io.marquee.events.playlist.PlaylistItemRemovedEvent;
import io.marquee.events.playlist.PlaylistItems;
import io.marquee.events.playlist.PlaylistRenamedEvent;
import io.marquee.projections.BatchRows;
import io.marquee.projections.Projector;
import io.marquee.projections.ReplayRows;
import io.marquee.projections.RowStore;
import io.marquee.projections.manifest.ManifestAudience;
import io.marquee.projections.stream.ReadEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps {@code projection_playlist}: its items in play order. Every change fans out to the displays
 * showing the playlist. A batch reads its playlists once, applies its events to them in memory and
 * writes each changed row once ({@link PlaylistRows}); the audience is asked once, after the writes.
 */
@Component
class PlaylistProjector implements Projector {

    private final PlaylistRows rows;
    private final ManifestAudience audience;

    PlaylistProjector(JdbcTemplate jdbc, ManifestAudience audience) {
        this.rows = new PlaylistRows(jdbc);
        this.audience = audience;
    }

    @Override
    public Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event) {
        return applyAll(List.of(new ReadEvent(envelope, event)));
    }

    /**
     * The displays showing a changed playlist are read after the batch's writes of this table; a
     * display that showed it before the batch and no longer does was changed by a display event of
     * the same batch, which the display projector reports.
     */
    @Override
    public Set<DisplayId> applyAll(List<ReadEvent> batch) {
        Set<UUID> touched = write(batch, rows);
        return touched.isEmpty() ? Set.of() : audience.showingPlaylists(touched);
    }

    /** The same rows, without asking who shows the playlists (see {@link Projector#replayAll}). */
    @Override
    public void replayAll(List<ReadEvent> batch, ReplayRows held) {
        write(batch, held.of(rows));
    }

    /** @return the playlists the batch created or changed */
    private Set<UUID> write(List<ReadEvent> batch, RowStore<PlaylistRows.Playlist> store) {
        List<ReadEvent> mine = batch.stream().filter(read -> isPlaylistEvent(read.event())).toList();
        if (mine.isEmpty()) {
            return Set.of();
        }
        Set<UUID> ids = mine.stream().map(read -> UUID.fromString(read.event().aggregateId())).collect(Collectors.toSet());
        BatchRows<PlaylistRows.Playlist> playlists = store.load(ids);
        for (ReadEvent read : mine) {
            apply(playlists, read.event(), read.envelope().position());
        }
        store.write(playlists);
        return playlists.touched();
    }

    private static boolean isPlaylistEvent(MarqueeEvent event) {
        return event instanceof PlaylistCreatedEvent || event instanceof PlaylistRenamedEvent
                || event instanceof PlaylistArchivedEvent || event instanceof PlaylistItemAddedEvent
                || event instanceof PlaylistItemMovedEvent || event instanceof PlaylistItemDurationChangedEvent
                || event instanceof PlaylistItemRemovedEvent;
    }

    private static void apply(BatchRows<PlaylistRows.Playlist> playlists, MarqueeEvent event, long position) {
        if (event instanceof PlaylistCreatedEvent created) {
            playlists.create(created.playlistId().value(), new PlaylistRows.Playlist(created.playlistId().value(),
                    created.organizationId().value(), created.name(), created.items(), false, 0), position);
            return;
        }
        PlaylistRows.Playlist playlist = playlists.claim(UUID.fromString(event.aggregateId()), position);
        if (playlist == null) {
            return;
        }
        if (event instanceof PlaylistRenamedEvent renamed) {
            playlist.name = renamed.name();
        } else if (event instanceof PlaylistArchivedEvent) {
            playlist.archived = true;
        } else if (event instanceof PlaylistItemAddedEvent added) {
            playlist.items = PlaylistItems.insert(playlist.items, added.item(), added.position());
        } else if (event instanceof PlaylistItemMovedEvent moved) {
            playlist.items = PlaylistItems.move(playlist.items, moved.itemId(), moved.position());
        } else if (event instanceof PlaylistItemDurationChangedEvent changed) {
            playlist.items = PlaylistItems.withDuration(playlist.items, changed.itemId(), changed.durationSeconds());
        } else if (event instanceof PlaylistItemRemovedEvent removed) {
            playlist.items = PlaylistItems.remove(playlist.items, removed.itemId());
        }
    }
}
