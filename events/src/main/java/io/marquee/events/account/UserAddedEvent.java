package io.marquee.events.account;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;

/**
 * A user joined an organization with a role. Credentials never appear in events: they stay in the
 * write side's credential store.
 */
public record UserAddedEvent(
        UserId userId,
        OrganizationId organizationId,
        String displayName,
        String role) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
