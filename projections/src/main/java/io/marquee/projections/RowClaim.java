package io.marquee.projections;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The idempotency guard of every read model: an event may change a row only if it is newer than the
 * last event applied to that row, and claiming it records it as applied. Replays and duplicates
 * claim nothing and so change nothing.
 */
public final class RowClaim {

    private RowClaim() {
    }

    /**
     * @param table    a read-model table with a {@code last_position} column (a constant, never input)
     * @param idColumn its primary key column
     * @return true if the event is new for this row and may be applied
     */
    public static boolean claim(JdbcTemplate jdbc, String table, String idColumn, Object id, long position) {
        return jdbc.update("UPDATE " + table + " SET last_position = ? WHERE " + idColumn + " = ? AND last_position < ?",
                position, id, position) == 1;
    }
}
