package io.marquee.command.account;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a member from the organization; they can no longer log in. */
public record RemoveUserCommand(
        @TargetAggregateIdentifier OrganizationId organizationId,
        UserId userId) {
}
