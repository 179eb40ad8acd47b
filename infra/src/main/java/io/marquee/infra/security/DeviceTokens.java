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

    /** What a token is: a device's (and which), a valid user's, or not valid at all (bad, expired, malformed). */
    public sealed interface Verified {
    }

    /** A valid, signed device token. */
    public record Device(AuthenticatedDevice device) implements Verified {
    }

    /** A valid, signed token of a user. */
    public record User() implements Verified {
    }

    /** A token that does not verify; the chain answers it 401 {@code invalid_token}. */
    public record Invalid() implements Verified {
    }

    /** The display a valid, signed device token names; empty for anything else (a user's token too). */
    public Optional<AuthenticatedDevice> verify(String token) {
        return check(token) instanceof Device verified ? Optional.of(verified.device()) : Optional.empty();
    }

    /** Verifies any token as the chain would, and says what it is. */
    public Verified check(String token) {
        try {
            Jwt jwt = decoder.decode(token);
            return AuthenticatedDevice.isDeviceToken(jwt) ? new Device(AuthenticatedDevice.of(jwt)) : new User();
        } catch (JwtException | OAuth2AuthenticationException e) {
            return new Invalid();
        }
    }
}
