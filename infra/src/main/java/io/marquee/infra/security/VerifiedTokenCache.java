package io.marquee.infra.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens whose signature and claims were verified, so that a player polling its manifest
 * pays for an RSA verification once, not on every request. Safe because a token's content never
 * changes: expiry is checked again on every hit, and revocation of device tokens is by generation,
 * checked in memory after decoding. Bounded: when full it starts over, which costs one verification
 * per active token.
 */
public class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokenCache(JwtDecoder verifier, int capacity, Clock clock) {
        this.verifier = verifier;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null && !expired(known)) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(token, jwt);
        return jwt;
    }

    private boolean expired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiresAt)) {
            verified.remove(jwt.getTokenValue());
            return true;
        }
        return false;
    }
}
