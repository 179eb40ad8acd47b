package io.marquee.events.account;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;

/** A user was removed from the organization and can no longer log in. */
public record UserRemovedEvent(
        UserId userId,
        OrganizationId organizationId) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
