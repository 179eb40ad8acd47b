package io.marquee.events.playlist;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;

/** An item was inserted at {@code position} (0-based); the items from there on move down by one. */
public record PlaylistItemAddedEvent(
        PlaylistId playlistId,
        OrganizationId organizationId,
        PlaylistItem item,
        int position) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return playlistId.toString();
    }
}
