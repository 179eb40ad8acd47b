package io.marquee.projections.display;

import io.marquee.events.display.ScheduleEntryAddedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The schedule entries a batch adds and removes, written with one delete and one insert statement
 * batch. Equivalent to applying them one by one: an entry's removals all come before its last adding
 * (a removal in between deletes it), and an entry added twice without a removal keeps the first
 * (ON CONFLICT DO NOTHING).
 */
final class ScheduleChanges {

    private record Added(ScheduleEntryAddedEvent event, long position) {
    }

    private final Set<UUID> removed = new LinkedHashSet<>();
    private final Map<UUID, Added> added = new LinkedHashMap<>();

    void added(ScheduleEntryAddedEvent event, long position) {
        added.putIfAbsent(event.entryId().value(), new Added(event, position));
    }

    void removed(UUID entryId) {
        removed.add(entryId);
        added.remove(entryId);
    }

    void write(JdbcTemplate jdbc) {
        if (!removed.isEmpty()) {
            jdbc.update("DELETE FROM projection_schedule_entry WHERE entry_id = ANY(?)",
                    (Object) removed.toArray(UUID[]::new));
        }
        if (added.isEmpty()) {
            return;
        }
        List<Added> rows = new ArrayList<>(added.values());
        jdbc.batchUpdate("""
                INSERT INTO projection_schedule_entry (entry_id, display_id, organization_id, playlist_id,
                    days_of_week, start_time, end_time, start_date, end_date, priority, added_position)
                VALUES (?, ?, ?, ?, to_jsonb(?::text[]), ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING""",
                rows, rows.size(), (statement, row) -> {
                    ScheduleEntryAddedEvent entry = row.event();
                    statement.setObject(1, entry.entryId().value());
                    statement.setObject(2, entry.displayId().value());
                    statement.setObject(3, entry.organizationId().value());
                    statement.setObject(4, entry.playlistId().value());
                    statement.setObject(5, entry.daysOfWeek().toArray(String[]::new));
                    // the java.time values as the one-statement version bound them
                    statement.setObject(6, entry.startTime());
                    statement.setObject(7, entry.endTime());
                    statement.setObject(8, entry.startDate());
                    statement.setObject(9, entry.endDate());
                    statement.setInt(10, entry.priority());
                    statement.setLong(11, row.position());
                });
    }
}
