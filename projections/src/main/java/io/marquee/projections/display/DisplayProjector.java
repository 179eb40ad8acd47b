package io.marquee.projections.display;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.PlaylistUnassignedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.projections.Projector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Keeps {@code projection_display}. Each statement only applies an event newer than the row. */
@Component
class DisplayProjector implements Projector {

    private final JdbcTemplate jdbc;

    DisplayProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event) {
        int changed;
        if (event instanceof DisplayRegisteredEvent registered) {
            changed = jdbc.update("""
                    INSERT INTO projection_display
                        (display_id, organization_id, name, location, timezone, tags, last_position)
                    VALUES (?, ?, ?, ?, ?, to_jsonb(?::text[]), ?)
                    ON CONFLICT (display_id) DO NOTHING""",
                    registered.displayId().value(), registered.organizationId().value(), registered.name(),
                    registered.location(), registered.timezone(), registered.tags().toArray(String[]::new),
                    envelope.position());
            return changed == 1 ? Set.of(registered.displayId()) : Set.of();
        }
        if (event instanceof PlaylistAssignedEvent assigned) {
            changed = jdbc.update("""
                    UPDATE projection_display SET playlist_id = ?, last_position = ?
                    WHERE display_id = ? AND last_position < ?""",
                    assigned.playlistId().value(), envelope.position(), assigned.displayId().value(), envelope.position());
            return changed == 1 ? Set.of(assigned.displayId()) : Set.of();
        }
        if (event instanceof PlaylistUnassignedEvent unassigned) {
            changed = jdbc.update("""
                    UPDATE projection_display SET playlist_id = NULL, last_position = ?
                    WHERE display_id = ? AND last_position < ?""",
                    envelope.position(), unassigned.displayId().value(), envelope.position());
            return changed == 1 ? Set.of(unassigned.displayId()) : Set.of();
        }
        return Set.of();
    }
}
