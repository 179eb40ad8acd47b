package io.marquee.command.display;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop showing the display's default playlist. */
public record UnassignPlaylistCommand(
        @TargetAggregateIdentifier DisplayId displayId,
        OrganizationId organizationId) {
}
