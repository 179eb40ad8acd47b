package io.marquee.events.display;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;

/**
 * A device token was issued to the display (generation 1 at registration, then one more per rotation);
 * every earlier generation stops working. Neither the token nor its hash is in the event.
 */
public record DeviceTokenIssuedEvent(
        DisplayId displayId,
        OrganizationId organizationId,
        long generation) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return displayId.toString();
    }
}
