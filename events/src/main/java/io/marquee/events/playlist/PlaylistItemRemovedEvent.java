package io.marquee.events.playlist;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;

/** An item was removed from the playlist. */
public record PlaylistItemRemovedEvent(
        PlaylistId playlistId,
        OrganizationId organizationId,
        PlaylistItemId itemId) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return playlistId.toString();
    }
}
