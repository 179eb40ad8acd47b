package io.marquee.command.account;

import io.marquee.command.eventstore.EventStoreConfiguration;
import io.marquee.events.account.OrganizationRegisteredEvent;
import io.marquee.events.account.UserAddedEvent;
import io.marquee.events.account.UserRemovedEvent;
import io.marquee.events.account.UserRoleChangedEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import io.marquee.infra.security.Role;
import io.marquee.infra.web.NotFoundException;
import io.marquee.infra.web.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organization and who belongs to it in which role. It always keeps at least one ADMIN. Every
 * command targets the caller's own organization, so another organization's user is simply not a
 * member here (404). Credentials are written through {@link Credentials} in the same transaction as
 * the events, so the two never disagree.
 */
@Aggregate(cache = EventStoreConfiguration.AGGREGATE_CACHE)
class Organization {

    static final String LAST_ADMIN_RULE = "last-admin";

    @AggregateIdentifier
    private OrganizationId organizationId;
    private final Map<UserId, Role> members = new HashMap<>();

    protected Organization() {
        // for Axon
    }

    @CommandHandler
    Organization(RegisterOrganizationCommand command, Credentials credentials) {
        if (command.name() == null || command.name().isBlank()) {
            throw RuleViolationException.invalid("organization-name-required", "An organization needs a name.");
        }
        credentials.add(new Credentials.Account(command.adminUserId(), command.organizationId(), command.email(),
                command.displayName().strip(), Role.ADMIN, command.passwordHash(), false));
        apply(new OrganizationRegisteredEvent(command.organizationId(), command.name().strip()));
        apply(new UserAddedEvent(command.adminUserId(), command.organizationId(), command.displayName().strip(),
                Role.ADMIN.name()));
    }

    @CommandHandler
    void handle(AddUserCommand command, Credentials credentials) {
        credentials.add(new Credentials.Account(command.userId(), organizationId, command.email(),
                command.displayName().strip(), command.role(), command.passwordHash(), false));
        apply(new UserAddedEvent(command.userId(), organizationId, command.displayName().strip(), command.role().name()));
    }

    @CommandHandler
    void handle(ChangeUserRoleCommand command, Credentials credentials) {
        Role current = roleOf(command.userId());
        if (current == command.role()) {
            return;
        }
        requireAnotherAdminBesides(command.userId(), "demoted");
        credentials.changeRole(command.userId(), command.role());
        apply(new UserRoleChangedEvent(command.userId(), organizationId, command.role().name(), current.name()));
    }

    @CommandHandler
    void handle(RemoveUserCommand command, Credentials credentials) {
        roleOf(command.userId());
        requireAnotherAdminBesides(command.userId(), "removed");
        credentials.remove(command.userId());
        apply(new UserRemovedEvent(command.userId(), organizationId));
    }

    @EventSourcingHandler
    void on(OrganizationRegisteredEvent event) {
        organizationId = event.organizationId();
    }

    @EventSourcingHandler
    void on(UserAddedEvent event) {
        members.put(event.userId(), Role.valueOf(event.role()));
    }

    @EventSourcingHandler
    void on(UserRoleChangedEvent event) {
        members.put(event.userId(), Role.valueOf(event.role()));
    }

    @EventSourcingHandler
    void on(UserRemovedEvent event) {
        members.remove(event.userId());
    }

    private Role roleOf(UserId userId) {
        Role role = members.get(userId);
        if (role == null) {
            throw new NotFoundException("User", userId);
        }
        return role;
    }

    /** Demoting or removing an ADMIN is fine as long as another one remains. */
    private void requireAnotherAdminBesides(UserId userId, String what) {
        if (members.get(userId) != Role.ADMIN) {
            return;
        }
        boolean anotherAdmin = members.entrySet().stream()
                .anyMatch(member -> member.getValue() == Role.ADMIN && !member.getKey().equals(userId));
        if (!anotherAdmin) {
            throw RuleViolationException.conflict(LAST_ADMIN_RULE,
                    "The last ADMIN of an organization cannot be " + what + "; make another user ADMIN first.");
        }
    }
}
