package io.marquee.projections.access;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.display.DeviceTokenIssuedEvent;
import io.marquee.events.display.DisplayDecommissionedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.projections.Projector;
import io.marquee.projections.stream.ReadEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@code projection_display_access}: each display's current token generation and whether it is
 * decommissioned. A generation only grows and decommissioning is for good, so a late or repeated event
 * can never bring an old token back. Changes no manifest. Both upserts only ever grow a row, so a batch
 * sends them as one statement batch in topic order.
 */
@Component
class DisplayAccessProjector implements Projector {

    private final JdbcTemplate jdbc;

    DisplayAccessProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event) {
        return applyAll(List.of(new ReadEvent(envelope, event)));
    }

    @Override
    public Set<DisplayId> applyAll(List<ReadEvent> batch) {
        List<ReadEvent> mine = batch.stream().filter(read -> read.event() instanceof DeviceTokenIssuedEvent
                || read.event() instanceof DisplayDecommissionedEvent).toList();
        if (mine.isEmpty()) {
            return Set.of();
        }
        // one statement for both kinds (a decommissioning grows no generation), so the batch stays in order
        jdbc.batchUpdate("""
                INSERT INTO projection_display_access
                    (display_id, organization_id, token_generation, decommissioned, last_position)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (display_id) DO UPDATE
                SET token_generation = GREATEST(projection_display_access.token_generation, EXCLUDED.token_generation),
                    decommissioned = projection_display_access.decommissioned OR EXCLUDED.decommissioned,
                    last_position = GREATEST(projection_display_access.last_position, EXCLUDED.last_position)""",
                mine, mine.size(), (statement, read) -> {
                    boolean decommissioned = read.event() instanceof DisplayDecommissionedEvent;
                    statement.setObject(1, UUID.fromString(read.event().aggregateId()));
                    statement.setObject(2, read.event().organizationId().value());
                    statement.setLong(3, decommissioned ? 0 : ((DeviceTokenIssuedEvent) read.event()).generation());
                    statement.setBoolean(4, decommissioned);
                    statement.setLong(5, read.envelope().position());
                });
        return Set.of();
    }
}
