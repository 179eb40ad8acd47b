package io.marquee.query.access;

import io.marquee.events.access.DisplayAccess;
import io.marquee.events.ids.OrganizationId;
import io.marquee.infra.security.AuthenticatedCaller;
import io.marquee.infra.security.AuthenticatedDevice;
import io.marquee.infra.web.NotFoundException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may use a display's player routes, decided from memory: the display itself, with a device token of
 * its current generation, or (for reads) a user of its organization. Another display's id is 404, like a
 * missing one; a device token of an older generation or of a decommissioned display is 401.
 */
@Component
public class PlayerAccess {

    /** Who is reading: the device itself (its generation, for closing streams on revocation), or a user. */
    public record Reader(OrganizationId organizationId, Optional<AuthenticatedDevice> device) {

        /** A user reads only its own organization's displays; the device's own display was checked already. */
        public boolean mayRead(UUID organizationOfDisplay) {
            return organizationId.value().equals(organizationOfDisplay);
        }
    }

    private final DisplayAccessView access;

    PlayerAccess(DisplayAccessView access) {
        this.access = access;
    }

    /** The caller of this request, if it may read the display's manifest; throws otherwise. */
    public Reader reader(UUID displayId) {
        Optional<AuthenticatedDevice> device = AuthenticatedDevice.current();
        if (device.isPresent()) {
            return new Reader(requireCurrent(device.get(), displayId).organizationId(), device);
        }
        AuthenticatedCaller caller = AuthenticatedCaller.current()
                .orElseThrow(() -> new NotFoundException("Display", displayId));
        return new Reader(caller.organizationId(), Optional.empty());
    }

    /** The display itself, with a current device token; anyone else gets 404 (or 401 for a revoked token). */
    public AuthenticatedDevice device(UUID displayId) {
        return requireCurrent(AuthenticatedDevice.current()
                .orElseThrow(() -> new NotFoundException("Display", displayId)), displayId);
    }

    /** True while the device's token is the display's current one. */
    public boolean isCurrent(AuthenticatedDevice device) {
        Optional<DisplayAccess> state = access.find(device.displayId().value());
        // Until the display's first state arrives, the first generation is the one its registration issued.
        return state.map(known -> !known.decommissioned() && known.tokenGeneration() == device.generation())
                .orElse(device.generation() == 1);
    }

    /**
     * Why this device may not use the display's routes — another display (404) or a replaced or
     * decommissioned token (401) — as the exception a controller throws; empty if it may.
     */
    public Optional<RuntimeException> refusal(AuthenticatedDevice device, UUID displayId) {
        if (!device.displayId().value().equals(displayId)) {
            return Optional.of(new NotFoundException("Display", displayId));
        }
        if (!isCurrent(device)) {
            return Optional.of(new InvalidBearerTokenException("The device token was replaced or the display decommissioned"));
        }
        return Optional.empty();
    }

    private AuthenticatedDevice requireCurrent(AuthenticatedDevice device, UUID displayId) {
        Optional<RuntimeException> refused = refusal(device, displayId);
        if (refused.isPresent()) {
            throw refused.get();
        }
        return device;
    }
}
