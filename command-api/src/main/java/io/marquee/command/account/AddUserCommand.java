package io.marquee.command.account;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import io.marquee.infra.security.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a user with a role to the organization; the password is already hashed. */
public record AddUserCommand(
        @TargetAggregateIdentifier OrganizationId organizationId,
        UserId userId,
        String email,
        String displayName,
        Role role,
        String passwordHash) {

    @Override
    public String toString() {
        return "AddUserCommand[organizationId=" + organizationId + ", userId=" + userId + ", role=" + role + "]";
    }
}
