package io.marquee.infra.security;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads the caller out of a verified token: a user, or a display for a device token. A signed token that
 * names neither is invalid.
 */
final class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (AuthenticatedDevice.isDeviceToken(jwt)) {
            return new DeviceAuthentication(AuthenticatedDevice.of(jwt), jwt);
        }
        try {
            AuthenticatedCaller caller = new AuthenticatedCaller(
                    UserId.of(jwt.getSubject()),
                    OrganizationId.of(jwt.getClaimAsString(MarqueeClaims.ORGANIZATION)),
                    Role.valueOf(jwt.getClaimAsString(MarqueeClaims.ROLE)),
                    jwt.getClaimAsString(MarqueeClaims.DISPLAY_NAME));
            return new CallerAuthentication(caller, jwt);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("The token does not name a Marquee user");
        }
    }
}
