package io.marquee.projections.access;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.display.DeviceTokenIssuedEvent;
import io.marquee.events.display.DisplayDecommissionedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.projections.Projector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Keeps {@code projection_display_access}: each display's current token generation and whether it is
 * decommissioned. A generation only grows and decommissioning is for good, so a late or repeated event
 * can never bring an old token back. Changes no manifest.
 */
@Component
class DisplayAccessProjector implements Projector {

    private final JdbcTemplate jdbc;

    DisplayAccessProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event) {
        if (event instanceof DeviceTokenIssuedEvent issued) {
            jdbc.update("""
                    INSERT INTO projection_display_access (display_id, organization_id, token_generation, last_position)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (display_id) DO UPDATE
                    SET token_generation = GREATEST(projection_display_access.token_generation, EXCLUDED.token_generation),
                        last_position = GREATEST(projection_display_access.last_position, EXCLUDED.last_position)""",
                    issued.displayId().value(), issued.organizationId().value(), issued.generation(), envelope.position());
        } else if (event instanceof DisplayDecommissionedEvent decommissioned) {
            jdbc.update("""
                    INSERT INTO projection_display_access
                        (display_id, organization_id, token_generation, decommissioned, last_position)
                    VALUES (?, ?, 0, TRUE, ?)
                    ON CONFLICT (display_id) DO UPDATE
                    SET decommissioned = TRUE,
                        last_position = GREATEST(projection_display_access.last_position, EXCLUDED.last_position)""",
                    decommissioned.displayId().value(), decommissioned.organizationId().value(), envelope.position());
        }
        return Set.of();
    }
}
