package io.marquee.events.playlist;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;

/** A playlist was archived: displays showing it fall back to nothing, and it can no longer be assigned. */
public record PlaylistArchivedEvent(
        PlaylistId playlistId,
        OrganizationId organizationId) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return playlistId.toString();
    }
}
