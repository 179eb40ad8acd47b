package io.marquee.projections.display;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.display.DisplayDecommissionedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.DisplayUpdatedEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.PlaylistUnassignedEvent;
import io.marquee.events.display.ScheduleEntryAddedEvent;
import io.marquee.events.display.ScheduleEntryRemovedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.projections.BatchRows;
import io.marquee.projections.Projector;
import io.marquee.projections.ReplayRows;
import io.marquee.projections.RowStore;
import io.marquee.projections.stream.ReadEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps {@code projection_display} and the display's schedule entries. Every display event is claimed
 * on the display row, so an entry removed and then re-delivered as added stays removed. A batch reads
 * its displays once, applies its events to them in memory and writes each changed row once
 * ({@link DisplayRows}).
 */
@Component
class DisplayProjector implements Projector {

    private final DisplayRows rows;

    DisplayProjector(JdbcTemplate jdbc) {
        this.rows = new DisplayRows(jdbc);
    }

    @Override
    public Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event) {
        return applyAll(List.of(new ReadEvent(envelope, event)));
    }

    @Override
    public Set<DisplayId> applyAll(List<ReadEvent> batch) {
        return write(batch, rows);
    }

    /** The same rows, held by the replay (see {@link Projector#replayAll}). */
    @Override
    public void replayAll(List<ReadEvent> batch, ReplayRows held) {
        write(batch, held.of(rows));
    }

    /** @return the displays the batch created or changed */
    private Set<DisplayId> write(List<ReadEvent> batch, RowStore<DisplayRows.Display> store) {
        List<ReadEvent> mine = batch.stream().filter(read -> isDisplayEvent(read.event())).toList();
        if (mine.isEmpty()) {
            return Set.of();
        }
        Set<UUID> ids = mine.stream().map(read -> UUID.fromString(read.event().aggregateId())).collect(Collectors.toSet());
        BatchRows<DisplayRows.Display> displays = store.load(ids);
        ScheduleChanges entries = new ScheduleChanges();
        for (ReadEvent read : mine) {
            apply(displays, entries, read.event(), read.envelope().position());
        }
        store.write(displays);
        entries.write(rows.jdbc());
        Set<DisplayId> affected = new HashSet<>();
        displays.touched().forEach(id -> affected.add(new DisplayId(id)));
        return affected;
    }

    private static boolean isDisplayEvent(MarqueeEvent event) {
        return event instanceof DisplayRegisteredEvent
                || event instanceof DisplayUpdatedEvent || event instanceof DisplayDecommissionedEvent
                || event instanceof PlaylistAssignedEvent || event instanceof PlaylistUnassignedEvent
                || event instanceof ScheduleEntryAddedEvent || event instanceof ScheduleEntryRemovedEvent;
    }

    private static void apply(BatchRows<DisplayRows.Display> displays, ScheduleChanges entries, MarqueeEvent event,
                              long position) {
        if (event instanceof DisplayRegisteredEvent registered) {
            displays.create(registered.displayId().value(), DisplayRows.Display.registered(registered), position);
            return;
        }
        DisplayRows.Display display = displays.claim(UUID.fromString(event.aggregateId()), position);
        if (display == null) {
            return;
        }
        if (event instanceof DisplayUpdatedEvent updated) {
            display.name = updated.name();
            display.location = updated.location();
            display.timezone = updated.timezone();
            display.tags = updated.tags();
        } else if (event instanceof DisplayDecommissionedEvent) {
            display.decommissioned = true;
        } else if (event instanceof PlaylistAssignedEvent assigned) {
            display.playlistId = assigned.playlistId().value();
        } else if (event instanceof PlaylistUnassignedEvent) {
            display.playlistId = null;
        } else if (event instanceof ScheduleEntryAddedEvent added) {
            entries.added(added, position);
        } else if (event instanceof ScheduleEntryRemovedEvent removed) {
            entries.removed(removed.entryId().value());
        }
    }
}
