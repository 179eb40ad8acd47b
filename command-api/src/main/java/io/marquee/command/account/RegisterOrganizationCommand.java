package io.marquee.command.account;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register an organization and its first ADMIN; the password is already hashed. */
public record RegisterOrganizationCommand(
        @TargetAggregateIdentifier OrganizationId organizationId,
        String name,
        UserId adminUserId,
        String email,
        String displayName,
        String passwordHash) {

    @Override
    public String toString() {
        return "RegisterOrganizationCommand[organizationId=" + organizationId + ", adminUserId=" + adminUserId + "]";
    }
}
