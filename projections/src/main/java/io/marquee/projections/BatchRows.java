package io.marquee.projections;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The idempotency guard of the read models, for a batch: the rows of one table that the batch touches
 * are read (and locked) once, changed in memory event by event in topic order, and written back once.
 * An event may change a row only if its position is above the row's {@code last_position} (claiming
 * it moves {@code last_position} up), and a creation only creates a row that does not exist yet; so
 * replays, duplicates and a redelivered batch claim nothing and change nothing.
 *
 * @param <R> the projector's mutable copy of a row
 */
public final class BatchRows<R extends BatchRows.Row> {

    /** A projector's in-memory copy of one row. */
    public abstract static class Row {
        long lastPosition;
        boolean created;
        boolean changed;

        protected Row(long lastPosition) {
            this.lastPosition = lastPosition;
        }

        /** The row's key: the id of the display, playlist or content item it holds. */
        public abstract UUID id();

        public long lastPosition() {
            return lastPosition;
        }

        /** Stored as it is now: neither created nor changed since. */
        void written() {
            created = false;
            changed = false;
        }
    }

    private final Map<UUID, R> rows = new LinkedHashMap<>();
    private final Set<UUID> touched = new LinkedHashSet<>();

    /** @param loaded the rows as stored before the batch (read FOR UPDATE) */
    public BatchRows(Collection<R> loaded) {
        loaded.forEach(row -> rows.put(row.id(), row));
    }

    /** A creation: the row is created unless it exists (ON CONFLICT DO NOTHING). @return whether it was */
    public boolean create(UUID id, R row, long position) {
        if (rows.containsKey(id)) {
            return false;
        }
        row.lastPosition = position;
        row.created = true;
        rows.put(id, row);
        touched.add(id);
        return true;
    }

    /** The row, claimed for the event at {@code position}, or null if it is absent or already newer. */
    public R claim(UUID id, long position) {
        R row = rows.get(id);
        if (row == null || row.lastPosition >= position) {
            return null;
        }
        row.lastPosition = position;
        row.changed = true;
        touched.add(id);
        return row;
    }

    /** Ids of the rows created or changed by the batch, in the order first touched. */
    public Set<UUID> touched() {
        return touched;
    }

    /** Rows that did not exist before the batch, to insert. */
    public List<R> created() {
        List<R> created = new ArrayList<>();
        touched.forEach(id -> {
            if (rows.get(id).created) {
                created.add(rows.get(id));
            }
        });
        return created;
    }

    /** Rows that existed before the batch and were changed by it, to update. */
    public List<R> changed() {
        List<R> changed = new ArrayList<>();
        touched.forEach(id -> {
            R row = rows.get(id);
            if (!row.created && row.changed) {
                changed.add(row);
            }
        });
        return changed;
    }
}
