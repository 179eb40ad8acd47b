package io.marquee.command.display;

import io.marquee.command.display.token.DeviceTokenHash;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue the display a new device token (given by its hash); the previous one stops working. The token was
 * signed for {@code generation}, which must be the display's next one: a concurrent rotation that took it
 * first makes this one a conflict, rather than handing out a token that never works.
 */
public record RotateDeviceTokenCommand(
        @TargetAggregateIdentifier DisplayId displayId,
        OrganizationId organizationId,
        long generation,
        DeviceTokenHash tokenHash) {
}
