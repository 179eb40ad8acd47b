package io.marquee.events.telemetry;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistItemId;

import java.time.Instant;

/**
 * A display said it is alive, on {@code marquee.display-heartbeats}.
 *
 * @param receivedAt      when the platform received it (the platform's clock, not the player's)
 * @param manifestVersion the manifest version the player has applied
 * @param currentItemId   what it is showing now; null when it is showing nothing
 */
public record HeartbeatReceived(
        DisplayId displayId,
        OrganizationId organizationId,
        Instant receivedAt,
        long manifestVersion,
        PlaylistItemId currentItemId) {
}
