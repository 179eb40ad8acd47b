package io.marquee.events.display;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;

/** The display's default playlist was removed; {@code playlistId} is the one it stopped showing. */
public record PlaylistUnassignedEvent(
        DisplayId displayId,
        OrganizationId organizationId,
        PlaylistId playlistId) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return displayId.toString();
    }
}
