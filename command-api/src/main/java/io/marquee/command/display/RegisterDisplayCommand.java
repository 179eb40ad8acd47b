package io.marquee.command.display;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Register a new display; a null timezone means UTC. */
public record RegisterDisplayCommand(
        @TargetAggregateIdentifier DisplayId displayId,
        OrganizationId organizationId,
        String name,
        String location,
        String timezone,
        List<String> tags) {
}
