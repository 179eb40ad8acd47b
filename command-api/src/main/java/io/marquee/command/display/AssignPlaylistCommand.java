package io.marquee.command.display;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a playlist the display's default playlist. */
public record AssignPlaylistCommand(
        @TargetAggregateIdentifier DisplayId displayId,
        OrganizationId organizationId,
        PlaylistId playlistId) {
}
