package io.marquee.command.security;

import io.marquee.command.account.Credentials;
import io.marquee.infra.security.JwtProperties;
import io.marquee.infra.security.MarqueeClaims;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs access tokens (RS256) with the private key. Any role verifies them with the public key alone.
 * A token names the user ({@code sub}), the organization, the role and the display name, and lives
 * {@code marquee.security.jwt.access-token-ttl}.
 */
@Component
class AccessTokens {

    /** What login hands out; {@code toString} leaves the token out. */
    record AccessToken(String value, Duration ttl) {
        @Override
        public String toString() {
            return "AccessToken[ttl=" + ttl + "]";
        }
    }

    private final JwtSigner signer;
    private final JwtProperties settings;
    private final Clock clock = Clock.systemUTC();

    AccessTokens(JwtSigner signer, JwtProperties settings) {
        this.signer = signer;
        this.settings = settings;
    }

    AccessToken issue(Credentials.Account account) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(account.userId().toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim(MarqueeClaims.ORGANIZATION, account.organizationId().toString())
                .claim(MarqueeClaims.ROLE, account.role().name())
                .claim(MarqueeClaims.DISPLAY_NAME, account.displayName())
                .build();
        return new AccessToken(signer.sign(claims), settings.accessTokenTtl());
    }
}
