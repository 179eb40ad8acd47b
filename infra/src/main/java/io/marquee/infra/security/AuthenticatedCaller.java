package io.marquee.infra.security;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Objects;
import java.util.Optional;

/**
 * The user a request was authenticated as, taken from a verified access token: what any module needs
 * to scope a request to an organization and to record who did it.
 */
public record AuthenticatedCaller(UserId userId, OrganizationId organizationId, Role role, String displayName) {

    public AuthenticatedCaller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(role, "role");
    }

    /** The caller of the current request, if it was authenticated with a user token. */
    public static Optional<AuthenticatedCaller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedCaller caller
                ? Optional.of(caller)
                : Optional.empty();
    }

    /** The same caller with another role, e.g. the one the write side knows to be current. */
    public AuthenticatedCaller withRole(Role newRole) {
        return new AuthenticatedCaller(userId, organizationId, newRole, displayName);
    }
}
