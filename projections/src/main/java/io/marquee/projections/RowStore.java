package io.marquee.projections;

import java.util.Set;
import java.util.UUID;

/**
 * Where a projector reads the rows of one table that a batch touches, and writes them back: the table
 * itself ({@link RowTable}), or during a replay the rows it holds in memory between its checkpoints
 * ({@link ReplayRows}).
 *
 * @param <R> the projector's mutable copy of a row
 */
public interface RowStore<R extends BatchRows.Row> {

    /** The rows of these ids that exist, to be changed in memory event by event. */
    BatchRows<R> load(Set<UUID> ids);

    /** Keeps what the batch created and changed. */
    void write(BatchRows<R> rows);
}
