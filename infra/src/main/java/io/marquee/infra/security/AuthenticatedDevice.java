package io.marquee.infra.security;

import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Objects;
import java.util.Optional;

/**
 * The display a request was authenticated as, from a verified device token. A device token never expires;
 * it stops working when the display's token generation moves on or the display is decommissioned, which
 * only the read side's access state knows: whoever accepts a device must check {@link #generation()}.
 */
public record AuthenticatedDevice(DisplayId displayId, OrganizationId organizationId, long generation) {

    public AuthenticatedDevice {
        Objects.requireNonNull(displayId, "displayId");
        Objects.requireNonNull(organizationId, "organizationId");
    }

    /** The device of the current request, if it was authenticated with a device token. */
    public static Optional<AuthenticatedDevice> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedDevice device
                ? Optional.of(device)
                : Optional.empty();
    }

    static boolean isDeviceToken(Jwt jwt) {
        return MarqueeClaims.DEVICE.equals(jwt.getClaimAsString(MarqueeClaims.TOKEN_TYPE));
    }

    static AuthenticatedDevice of(Jwt jwt) {
        try {
            Object generation = jwt.getClaim(MarqueeClaims.GENERATION);
            if (!(generation instanceof Number number)) {
                throw new IllegalArgumentException("no generation");
            }
            return new AuthenticatedDevice(DisplayId.of(jwt.getSubject()),
                    OrganizationId.of(jwt.getClaimAsString(MarqueeClaims.ORGANIZATION)), number.longValue());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("The token does not name a Marquee display");
        }
    }
}
