package io.marquee.events.playlist;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;

/** An item moved to {@code position} (0-based, counted after taking it out). */
public record PlaylistItemMovedEvent(
        PlaylistId playlistId,
        OrganizationId organizationId,
        PlaylistItemId itemId,
        int position) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return playlistId.toString();
    }
}
