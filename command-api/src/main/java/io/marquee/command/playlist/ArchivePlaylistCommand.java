package io.marquee.command.playlist;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archive a playlist: it can no longer change or be assigned, and displays showing it fall back to nothing. */
record ArchivePlaylistCommand(@TargetAggregateIdentifier PlaylistId playlistId, OrganizationId organizationId) {
}
