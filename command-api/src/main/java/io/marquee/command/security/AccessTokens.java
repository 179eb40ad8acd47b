package io.marquee.command.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.marquee.command.account.Credentials;
import io.marquee.infra.security.JwtKeyMaterial;
import io.marquee.infra.security.JwtProperties;
import io.marquee.infra.security.MarqueeClaims;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.security.interfaces.RSAPrivateKey;
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

    private final JwtEncoder encoder;
    private final String keyId;
    private final JwtProperties settings;
    private final Clock clock = Clock.systemUTC();

    AccessTokens(JwtKeyMaterial keys, JwtProperties settings) {
        RSAPrivateKey privateKey = keys.privateKey().orElseThrow(() -> new IllegalStateException(
                "command-api signs access tokens and needs the private key: point marquee.security.jwt.key-directory "
                        + "at a directory holding jwt-private.pem, or at an empty one to generate a pair"));
        RSAKey jwk = new RSAKey.Builder(keys.publicKey()).privateKey(privateKey).keyID(keys.keyId()).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        this.keyId = keys.keyId();
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
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).type("JWT").build();
        return new AccessToken(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(),
                settings.accessTokenTtl());
    }
}
