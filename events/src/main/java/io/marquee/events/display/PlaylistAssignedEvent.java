package io.marquee.events.display;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;

/** A playlist became the display's default playlist, replacing any earlier one. */
public record PlaylistAssignedEvent(
        DisplayId displayId,
        OrganizationId organizationId,
        PlaylistId playlistId) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return displayId.toString();
    }
}
