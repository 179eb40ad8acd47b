package io.marquee.projections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A replay's rows, held in memory from batch to batch and written to their tables only at its checkpoints
 * ({@link #flush}). A row an event stream changes a hundred times is written once per checkpoint instead of
 * once per batch, and a row created since the last checkpoint is inserted with its latest state: in a
 * replay of the load suite's history (61,000 events, 10,000 displays), most of the time went to
 * PostgreSQL writing the same display rows again batch after batch. The rows are correct between checkpoints
 * only in memory, so nothing may read the tables meanwhile: a rebuild's side tables, which nobody reads before
 * the switch, and the switch flushes first. Not thread-safe: one replay, one writer thread.
 */
public final class ReplayRows {

    private final Map<RowTable<?>, Held<?>> tables = new LinkedHashMap<>();

    /** The held rows of this table, read from it the first time they are touched. */
    @SuppressWarnings("unchecked")
    public <R extends BatchRows.Row> RowStore<R> of(RowTable<R> table) {
        return (RowStore<R>) tables.computeIfAbsent(table, Held::new);
    }

    /** How many rows are held, over every table. */
    public int size() {
        return tables.values().stream().mapToInt(held -> held.rows.size()).sum();
    }

    /** Writes every row created or changed since the last flush, in the caller's transaction; the rows stay held. */
    public void flush() {
        tables.values().forEach(Held::flush);
    }

    /** Forgets every row (after a flush: they are read again when next touched). */
    public void clear() {
        tables.values().forEach(held -> held.rows.clear());
    }

    private static final class Held<R extends BatchRows.Row> implements RowStore<R> {
        private final RowTable<R> table;
        private final Map<UUID, R> rows = new HashMap<>();

        Held(RowTable<R> table) {
            this.table = table;
        }

        @Override
        public BatchRows<R> load(Set<UUID> ids) {
            List<R> found = new ArrayList<>(ids.size());
            Set<UUID> unheld = new HashSet<>();
            for (UUID id : ids) {
                R row = rows.get(id);
                if (row != null) {
                    found.add(row);
                } else {
                    unheld.add(id);
                }
            }
            if (!unheld.isEmpty()) {
                for (R stored : table.select(unheld)) {
                    rows.put(stored.id(), stored);
                    found.add(stored);
                }
            }
            return new BatchRows<>(found);
        }

        /** The changed rows are the held ones already; only the created ones are new to hold. */
        @Override
        public void write(BatchRows<R> batch) {
            batch.created().forEach(row -> rows.putIfAbsent(row.id(), row));
        }

        void flush() {
            List<R> created = new ArrayList<>();
            List<R> changed = new ArrayList<>();
            for (R row : rows.values()) {
                if (row.created) {
                    created.add(row);
                } else if (row.changed) {
                    changed.add(row);
                }
            }
            if (!created.isEmpty()) {
                // created rows were found neither held nor stored, and nothing else writes a replay's tables
                table.insertNew(created);
            }
            if (!changed.isEmpty()) {
                table.update(changed);
            }
            created.forEach(BatchRows.Row::written);
            changed.forEach(BatchRows.Row::written);
        }
    }
}
