package io.marquee.command.playlist;

import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Insert an item showing a content item. {@code itemId} is chosen by the sender so that it can answer
 * with it; {@code durationSeconds} null means the content's default; {@code position} null means at the end.
 */
record AddPlaylistItemCommand(
        @TargetAggregateIdentifier PlaylistId playlistId,
        OrganizationId organizationId,
        PlaylistItemId itemId,
        ContentId contentId,
        Integer durationSeconds,
        Integer position) {
}
