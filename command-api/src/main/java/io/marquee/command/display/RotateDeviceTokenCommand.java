package io.marquee.command.display;

import io.marquee.command.display.token.DeviceTokenHash;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issue the display a new device token (given by its hash); the previous one stops working. */
public record RotateDeviceTokenCommand(
        @TargetAggregateIdentifier DisplayId displayId,
        OrganizationId organizationId,
        DeviceTokenHash tokenHash) {
}
