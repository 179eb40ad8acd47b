package io.marquee.events.playlist;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;

/** A playlist got a new name. */
public record PlaylistRenamedEvent(
        PlaylistId playlistId,
        OrganizationId organizationId,
        String name) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return playlistId.toString();
    }
}
