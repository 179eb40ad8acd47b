package io.marquee.events.account;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.OrganizationId;

/** An organization was registered; its first ADMIN is added by a {@link UserAddedEvent} that follows. */
public record OrganizationRegisteredEvent(
        OrganizationId organizationId,
        String name) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
