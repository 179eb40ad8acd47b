package io.marquee.events.playlist;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;

/** An item's duration changed; null means the content's default duration. */
public record PlaylistItemDurationChangedEvent(
        PlaylistId playlistId,
        OrganizationId organizationId,
        PlaylistItemId itemId,
        Integer durationSeconds) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return playlistId.toString();
    }
}
