package io.marquee.command.playlist;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take an item out of a playlist. */
record RemovePlaylistItemCommand(
        @TargetAggregateIdentifier PlaylistId playlistId,
        OrganizationId organizationId,
        PlaylistItemId itemId) {
}
