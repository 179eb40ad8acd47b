package io.marquee.command.display;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a display out of service for good: its token stops working and it accepts no more commands. */
public record DecommissionDisplayCommand(
        @TargetAggregateIdentifier DisplayId displayId,
        OrganizationId organizationId) {
}
