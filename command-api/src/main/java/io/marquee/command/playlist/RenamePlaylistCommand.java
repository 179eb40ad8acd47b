package io.marquee.command.playlist;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a playlist a new name. */
record RenamePlaylistCommand(@TargetAggregateIdentifier PlaylistId playlistId, OrganizationId organizationId, String name) {
}
