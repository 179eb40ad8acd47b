package io.marquee.command.display;

import io.marquee.command.display.token.DeviceTokenHash;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Register a new display; a null timezone means UTC. {@code tokenHash} is the hash of its first device
 * token: the caller keeps the token itself to show it once, so the command never carries the secret.
 */
public record RegisterDisplayCommand(
        @TargetAggregateIdentifier DisplayId displayId,
        OrganizationId organizationId,
        String name,
        String location,
        String timezone,
        List<String> tags,
        DeviceTokenHash tokenHash) {
}
