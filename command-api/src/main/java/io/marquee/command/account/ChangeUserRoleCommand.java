package io.marquee.command.account;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import io.marquee.infra.security.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a member of the organization another role. */
public record ChangeUserRoleCommand(
        @TargetAggregateIdentifier OrganizationId organizationId,
        UserId userId,
        Role role) {
}
