package io.marquee.command.display;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Change a display's details. A null field keeps its value; a blank location or timezone goes back to
 * none or UTC, and empty tags remove them all.
 */
public record UpdateDisplayCommand(
        @TargetAggregateIdentifier DisplayId displayId,
        OrganizationId organizationId,
        String name,
        String location,
        String timezone,
        List<String> tags) {
}
