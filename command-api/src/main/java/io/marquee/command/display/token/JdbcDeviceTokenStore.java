package io.marquee.command.display.token;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link DeviceTokenStore} on the table {@code command_device_token}, one row per display that has a
 * valid token. Writes must join the command's transaction (Axon's, through Spring): a token row
 * without its event, or an event without its row, would be a lie. {@code MANDATORY} enforces it.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class JdbcDeviceTokenStore implements DeviceTokenStore {

    private final JdbcTemplate jdbc;

    JdbcDeviceTokenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void replace(DisplayId displayId, OrganizationId organizationId, long generation, DeviceTokenHash hash) {
        jdbc.update("""
                INSERT INTO command_device_token (display_id, organization_id, generation, token_sha256, issued_at)
                VALUES (?, ?, ?, ?, now())
                ON CONFLICT (display_id) DO UPDATE
                SET generation = EXCLUDED.generation, token_sha256 = EXCLUDED.token_sha256, issued_at = now()""",
                displayId.value(), organizationId.value(), generation, hash.bytes());
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public long generationOf(DisplayId displayId) {
        return jdbc.query("SELECT generation FROM command_device_token WHERE display_id = ?",
                (rs, row) -> rs.getLong(1), displayId.value()).stream().findFirst().orElse(0L);
    }

    @Override
    public void revoke(DisplayId displayId) {
        jdbc.update("DELETE FROM command_device_token WHERE display_id = ?", displayId.value());
    }
}
