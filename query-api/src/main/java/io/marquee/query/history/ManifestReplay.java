package io.marquee.query.history;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.content.ContentUpdatedEvent;
import io.marquee.events.display.DisplayDecommissionedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.DisplayUpdatedEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.PlaylistUnassignedEvent;
import io.marquee.events.display.ScheduleEntryAddedEvent;
import io.marquee.events.display.ScheduleEntryRemovedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.manifest.DisplayManifest;
import io.marquee.events.playlist.PlaylistArchivedEvent;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.events.playlist.PlaylistItemAddedEvent;
import io.marquee.events.playlist.PlaylistItemDurationChangedEvent;
import io.marquee.events.playlist.PlaylistItemMovedEvent;
import io.marquee.events.playlist.PlaylistItemRemovedEvent;
import io.marquee.events.playlist.PlaylistItems;
import io.marquee.events.playlist.PlaylistRenamedEvent;

import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Folds an organization's events, in position order, into the manifest the projection kept for one
 * display: the same read-model rows (content, playlists, the display and its schedule), refreshed where
 * the projection refreshed them (at the end of each batch), versioned the same way (a new version only
 * when what a player plays changed). Pure and in memory.
 */
final class ManifestReplay {

    /** The manifest and the positions of the events that shaped the rows it was built from. */
    record Replayed(DisplayManifest manifest, List<Long> positions) {
    }

    private final DisplayId displayId;
    private final Map<UUID, ReplayedRows.Content> contents = new HashMap<>();
    private final Map<UUID, ReplayedRows.Playlist> playlists = new HashMap<>();
    private final ReplayAssembler assembler = new ReplayAssembler(contents, playlists);
    private ReplayedRows.Display display;
    private DisplayManifest manifest;
    private byte[] playable;
    private Long openBatch;
    private Instant batchProjectedAt;

    ManifestReplay(DisplayId displayId) {
        this.displayId = displayId;
    }

    /** Applies the next event; events must come in position order. */
    void apply(RecordedEvent recorded) {
        if (openBatch != null && openBatch != recorded.batchEnd()) {
            refresh();
        }
        openBatch = recorded.batchEnd();
        batchProjectedAt = recorded.projectedAt();
        MarqueeEvent event = recorded.event();
        long position = recorded.position();
        if (!applyContent(event, position) && !applyPlaylist(event, position)) {
            applyDisplay(event, position);
        }
    }

    /** The manifest after the last event: empty if the display was never registered or is decommissioned. */
    Optional<Replayed> finish() {
        if (openBatch != null) {
            refresh();
            openBatch = null;
        }
        if (manifest == null) {
            return Optional.empty();
        }
        return Optional.of(new Replayed(manifest, assembler.positions(display)));
    }

    private void refresh() {
        if (display == null) {
            return;
        }
        if (display.decommissioned) {
            manifest = null;
            playable = null;
            return;
        }
        ReplayAssembler.Assembled assembled = assembler.assemble(display);
        if (playable != null && Arrays.equals(playable, assembled.playable())) {
            return;
        }
        playable = assembled.playable();
        long version = manifest == null ? 1 : manifest.version() + 1;
        manifest = new DisplayManifest(displayId, display.organizationId, version, assembled.position(),
                batchProjectedAt, display.timezone, assembled.defaultPlaylist(), assembled.schedule());
    }

    private boolean applyContent(MarqueeEvent event, long position) {
        if (event instanceof ContentCreatedEvent created) {
            contents.computeIfAbsent(created.contentId().value(), id -> {
                ReplayedRows.Content row = new ReplayedRows.Content();
                row.type = created.type();
                row.uri = created.uri();
                row.defaultDurationSeconds = created.defaultDurationSeconds();
                row.checksum = created.checksum();
                row.sizeBytes = created.sizeBytes();
                row.validFrom = micros(created.validFrom());
                row.validUntil = micros(created.validUntil());
                row.claim(position);
                return row;
            });
        } else if (event instanceof ContentUpdatedEvent updated) {
            change(contents.get(updated.contentId().value()), position, row -> {
                row.uri = updated.uri();
                row.defaultDurationSeconds = updated.defaultDurationSeconds();
                row.checksum = updated.checksum();
                row.sizeBytes = updated.sizeBytes();
                row.validFrom = micros(updated.validFrom());
                row.validUntil = micros(updated.validUntil());
            });
        } else if (event instanceof ContentArchivedEvent archived) {
            change(contents.get(archived.contentId().value()), position, row -> row.archived = true);
        } else {
            return false;
        }
        return true;
    }

    private boolean applyPlaylist(MarqueeEvent event, long position) {
        if (event instanceof PlaylistCreatedEvent created) {
            playlists.computeIfAbsent(created.playlistId().value(), id -> {
                ReplayedRows.Playlist row = new ReplayedRows.Playlist();
                row.name = created.name();
                row.items = created.items();
                row.claim(position);
                return row;
            });
        } else if (event instanceof PlaylistRenamedEvent renamed) {
            change(playlists.get(renamed.playlistId().value()), position, row -> row.name = renamed.name());
        } else if (event instanceof PlaylistArchivedEvent archived) {
            change(playlists.get(archived.playlistId().value()), position, row -> row.archived = true);
        } else if (event instanceof PlaylistItemAddedEvent added) {
            editItems(added.playlistId().value(), position,
                    items -> PlaylistItems.insert(items, added.item(), added.position()));
        } else if (event instanceof PlaylistItemMovedEvent moved) {
            editItems(moved.playlistId().value(), position,
                    items -> PlaylistItems.move(items, moved.itemId(), moved.position()));
        } else if (event instanceof PlaylistItemDurationChangedEvent changed) {
            editItems(changed.playlistId().value(), position,
                    items -> PlaylistItems.withDuration(items, changed.itemId(), changed.durationSeconds()));
        } else if (event instanceof PlaylistItemRemovedEvent removed) {
            editItems(removed.playlistId().value(), position, items -> PlaylistItems.remove(items, removed.itemId()));
        } else {
            return false;
        }
        return true;
    }

    private void editItems(UUID playlistId, long position, UnaryOperator<List<PlaylistItem>> edit) {
        change(playlists.get(playlistId), position, row -> row.items = edit.apply(row.items));
    }

    private void applyDisplay(MarqueeEvent event, long position) {
        if (event instanceof DisplayRegisteredEvent registered) {
            if (registered.displayId().equals(displayId) && display == null) {
                display = new ReplayedRows.Display();
                display.organizationId = registered.organizationId();
                display.timezone = registered.timezone();
                display.claim(position);
            }
            return;
        }
        if (!event.aggregateId().equals(displayId.toString())) {
            return;
        }
        if (event instanceof DisplayUpdatedEvent updated) {
            change(display, position, row -> row.timezone = updated.timezone());
        } else if (event instanceof DisplayDecommissionedEvent) {
            change(display, position, row -> row.decommissioned = true);
        } else if (event instanceof PlaylistAssignedEvent assigned) {
            change(display, position, row -> row.playlistId = assigned.playlistId().value());
        } else if (event instanceof PlaylistUnassignedEvent) {
            change(display, position, row -> row.playlistId = null);
        } else if (event instanceof ScheduleEntryAddedEvent added) {
            change(display, position, row -> {
                if (row.entries.stream().noneMatch(entry -> entry.entryId().equals(added.entryId().value()))) {
                    row.entries.add(new ReplayedRows.Entry(added.entryId().value(), added.playlistId().value(),
                            added.daysOfWeek(), micros(added.startTime()), micros(added.endTime()), added.startDate(),
                            added.endDate(), added.priority(), position));
                }
            });
        } else if (event instanceof ScheduleEntryRemovedEvent removed) {
            change(display, position, row -> row.entries.removeIf(entry -> entry.entryId().equals(removed.entryId().value())));
        }
    }

    /** Like the projection's row claim: an event for a row that does not exist changes nothing. */
    private static <R extends ReplayedRows.Row> void change(R row, long position, Consumer<R> change) {
        if (row != null) {
            row.claim(position);
            change.accept(row);
        }
    }

    // PostgreSQL keeps microseconds: the projection's rows hold these values truncated
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalTime micros(LocalTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }
}
