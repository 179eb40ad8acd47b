package io.marquee.projections.status;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.telemetry.HeartbeatReceived;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the newest heartbeat of each display. Only a later {@code receivedAt} replaces the row, so a
 * redelivered, replayed or late heartbeat changes nothing.
 */
@Component
class DisplayStatusWriter {

    private static final String UPSERT = """
            INSERT INTO display_status (display_id, organization_id, last_seen, manifest_version, current_item_id)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (display_id) DO UPDATE SET
                last_seen = EXCLUDED.last_seen,
                manifest_version = EXCLUDED.manifest_version,
                current_item_id = EXCLUDED.current_item_id
            WHERE display_status.last_seen < EXCLUDED.last_seen""";

    private final JdbcTemplate jdbc;

    DisplayStatusWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(Collection<HeartbeatReceived> heartbeats) {
        if (heartbeats.isEmpty()) {
            return;
        }
        // one row per display and batch: the newest heartbeat is all that can win
        Map<DisplayId, HeartbeatReceived> newest = new LinkedHashMap<>();
        for (HeartbeatReceived heartbeat : heartbeats) {
            newest.merge(heartbeat.displayId(), heartbeat,
                    (held, next) -> next.receivedAt().isAfter(held.receivedAt()) ? next : held);
        }
        jdbc.batchUpdate(UPSERT, newest.values(), newest.size(), (statement, heartbeat) -> {
            statement.setObject(1, heartbeat.displayId().value());
            statement.setObject(2, heartbeat.organizationId().value());
            statement.setObject(3, heartbeat.receivedAt().atOffset(ZoneOffset.UTC));
            statement.setLong(4, heartbeat.manifestVersion());
            statement.setObject(5, heartbeat.currentItemId() == null ? null : heartbeat.currentItemId().value());
        });
    }
}
