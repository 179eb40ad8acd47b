package io.marquee.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    final List<String> verifications = new ArrayList<>();

    /** A verifier that accepts tokens named "good-*", each expiring at the minute in its name (or never). */
    final JwtDecoder verifier = token -> {
        verifications.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("someone").issuedAt(NOW.minusSeconds(60));
        if (token.contains("expiring")) {
            jwt.expiresAt(NOW.plusSeconds(60));
        }
        return jwt.build();
    };

    @Test
    void a_token_is_verified_once_however_often_it_is_presented() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 10, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 5; i++) {
            assertThat(cache.decode("good-device").getSubject()).isEqualTo("someone");
        }
        assertThat(verifications).containsExactly("good-device");
    }

    @Test
    void an_invalid_token_is_refused_every_time_and_never_remembered() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 10, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).containsExactly("forged", "forged");
    }

    @Test
    void a_remembered_token_that_has_since_expired_is_verified_again() {
        // given a cache whose clock is past the token's expiry, holding the token
        VerifiedTokenCache later = new VerifiedTokenCache(verifier, 10, Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC));
        later.decode("good-expiring");
        verifications.clear();

        // when it is presented again, then it goes back to the verifier (which would refuse a real one)
        later.decode("good-expiring");

        assertThat(verifications).containsExactly("good-expiring");
    }

    @Test
    void a_full_cache_starts_over_rather_than_growing() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 2, Clock.fixed(NOW, ZoneOffset.UTC));
        cache.decode("good-1");
        cache.decode("good-2");
        cache.decode("good-3");
        verifications.clear();

        cache.decode("good-3");
        cache.decode("good-1");

        assertThat(verifications).containsExactly("good-1");
    }
}
