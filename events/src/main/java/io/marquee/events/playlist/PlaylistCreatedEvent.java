package io.marquee.events.playlist;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;

import java.util.List;

/** A playlist was created with its initial items, in play order. */
public record PlaylistCreatedEvent(
        PlaylistId playlistId,
        OrganizationId organizationId,
        String name,
        List<PlaylistItem> items) implements MarqueeEvent {

    public PlaylistCreatedEvent {
        items = items == null ? List.of() : List.copyOf(items);
    }

    @Override
    public String aggregateId() {
        return playlistId.toString();
    }
}
