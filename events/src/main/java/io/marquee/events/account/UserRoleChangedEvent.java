package io.marquee.events.account;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;

/** A user's role changed from {@code previousRole} to {@code role}. */
public record UserRoleChangedEvent(
        UserId userId,
        OrganizationId organizationId,
        String role,
        String previousRole) implements MarqueeEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
