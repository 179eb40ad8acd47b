package io.marquee.infra.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.Optional;

/**
 * Verifies a device token outside the security filter chain, with the same decoder (and its cache of
 * verified tokens) the chain uses. For a hot path that serves only the plain success of a display reading
 * its own data and leaves everything else, errors included, to the chain. Like the chain, it leaves the
 * generation to the caller to check against the display's access state.
 */
public final class DeviceTokens {

    private final JwtDecoder decoder;

    DeviceTokens(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** The display a valid, signed device token names; empty for anything else (a user's token too). */
    public Optional<AuthenticatedDevice> verify(String token) {
        try {
            Jwt jwt = decoder.decode(token);
            return AuthenticatedDevice.isDeviceToken(jwt) ? Optional.of(AuthenticatedDevice.of(jwt)) : Optional.empty();
        } catch (JwtException | OAuth2AuthenticationException e) {
            return Optional.empty();
        }
    }
}
