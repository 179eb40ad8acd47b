package io.marquee.command.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the global position an aggregate's latest event was stored at: the consistency token a
 * command response carries, so that a later read can wait until it reflects that write.
 */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;

    EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The position of the aggregate's latest event, or 0 if it has none. */
    public long latestOf(Object aggregateId) {
        Long position = jdbc.query("""
                        SELECT global_index FROM domain_event_entry
                        WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""",
                rs -> rs.next() ? rs.getLong(1) : null, aggregateId.toString());
        return position == null ? 0 : position;
    }
}
