package io.marquee.events.display;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;

/** A display was decommissioned: its token stops working and it gets no manifest. */
public record DisplayDecommissionedEvent(
        DisplayId displayId,
        OrganizationId organizationId) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return displayId.toString();
    }
}
