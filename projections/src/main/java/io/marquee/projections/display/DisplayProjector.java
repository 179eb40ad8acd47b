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
import io.marquee.projections.Projector;
import io.marquee.projections.RowClaim;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Keeps {@code projection_display} and the display's schedule entries. Every display event is claimed
 * on the display row, so an entry removed and then re-delivered as added stays removed.
 */
@Component
class DisplayProjector implements Projector {

    private final JdbcTemplate jdbc;

    DisplayProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event) {
        if (event instanceof DisplayRegisteredEvent registered) {
            int inserted = jdbc.update("""
                    INSERT INTO projection_display
                        (display_id, organization_id, name, location, timezone, tags, last_position)
                    VALUES (?, ?, ?, ?, ?, to_jsonb(?::text[]), ?)
                    ON CONFLICT (display_id) DO NOTHING""",
                    registered.displayId().value(), registered.organizationId().value(), registered.name(),
                    registered.location(), registered.timezone(), registered.tags().toArray(String[]::new),
                    envelope.position());
            return inserted == 1 ? Set.of(registered.displayId()) : Set.of();
        }
        if (!isDisplayEvent(event)) {
            return Set.of();
        }
        DisplayId display = DisplayId.of(event.aggregateId());
        if (!RowClaim.claim(jdbc, "projection_display", "display_id", display.value(), envelope.position())) {
            return Set.of();
        }
        apply(event, envelope.position());
        return Set.of(display);
    }

    private static boolean isDisplayEvent(MarqueeEvent event) {
        return event instanceof DisplayUpdatedEvent || event instanceof DisplayDecommissionedEvent
                || event instanceof PlaylistAssignedEvent || event instanceof PlaylistUnassignedEvent
                || event instanceof ScheduleEntryAddedEvent || event instanceof ScheduleEntryRemovedEvent;
    }

    private void apply(MarqueeEvent event, long position) {
        if (event instanceof DisplayUpdatedEvent updated) {
            jdbc.update("""
                    UPDATE projection_display SET name = ?, location = ?, timezone = ?, tags = to_jsonb(?::text[])
                    WHERE display_id = ?""",
                    updated.name(), updated.location(), updated.timezone(), updated.tags().toArray(String[]::new),
                    updated.displayId().value());
        } else if (event instanceof DisplayDecommissionedEvent decommissioned) {
            jdbc.update("UPDATE projection_display SET decommissioned = TRUE WHERE display_id = ?",
                    decommissioned.displayId().value());
        } else if (event instanceof PlaylistAssignedEvent assigned) {
            jdbc.update("UPDATE projection_display SET playlist_id = ? WHERE display_id = ?",
                    assigned.playlistId().value(), assigned.displayId().value());
        } else if (event instanceof PlaylistUnassignedEvent unassigned) {
            jdbc.update("UPDATE projection_display SET playlist_id = NULL WHERE display_id = ?",
                    unassigned.displayId().value());
        } else if (event instanceof ScheduleEntryAddedEvent added) {
            jdbc.update("""
                    INSERT INTO projection_schedule_entry (entry_id, display_id, organization_id, playlist_id,
                        days_of_week, start_time, end_time, start_date, end_date, priority, added_position)
                    VALUES (?, ?, ?, ?, to_jsonb(?::text[]), ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING""",
                    added.entryId().value(), added.displayId().value(), added.organizationId().value(),
                    added.playlistId().value(), added.daysOfWeek().toArray(String[]::new), added.startTime(),
                    added.endTime(), added.startDate(), added.endDate(), added.priority(), position);
        } else if (event instanceof ScheduleEntryRemovedEvent removed) {
            jdbc.update("DELETE FROM projection_schedule_entry WHERE entry_id = ?", removed.entryId().value());
        }
    }
}
