package io.marquee.command.playlist;

import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Create a playlist with its initial items, in play order. */
public record CreatePlaylistCommand(
        @TargetAggregateIdentifier PlaylistId playlistId,
        OrganizationId organizationId,
        String name,
        List<NewItem> items) {

    /** An item to add: which content to show, and for how long (null means the content's default duration). */
    public record NewItem(ContentId contentId, Integer durationSeconds) {
    }
}
