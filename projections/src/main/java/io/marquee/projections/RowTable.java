package io.marquee.projections;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rows of one read-model table, read and written straight away: each batch reads (and locks) the rows
 * it touches once and writes each created or changed row once.
 *
 * @param <R> the projector's mutable copy of a row
 */
public interface RowTable<R extends BatchRows.Row> extends RowStore<R> {

    /** The stored rows of these ids, locked until the transaction ends. */
    List<R> select(Set<UUID> ids);

    /** Rows that do not exist yet (one that does is left as it is). */
    void insert(List<R> created);

    /**
     * Rows known not to exist, such as those a replay created in its own side tables: as {@link #insert}
     * does, but a table may copy them in at once ({@link CopyIn}), failing if one exists after all.
     */
    default void insertNew(List<R> created) {
        insert(created);
    }

    void update(List<R> changed);

    @Override
    default BatchRows<R> load(Set<UUID> ids) {
        return new BatchRows<>(select(ids));
    }

    @Override
    default void write(BatchRows<R> rows) {
        List<R> created = rows.created();
        if (!created.isEmpty()) {
            insert(created);
        }
        List<R> changed = rows.changed();
        if (!changed.isEmpty()) {
            update(changed);
        }
    }
}
