package io.marquee.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the access-token keys come from, and what a token says. Set at most one of the two key
 * sources; with neither, a key pair is generated in memory (see {@link JwtKeyMaterial}).
 *
 * @param keyDirectory      directory of {@code jwt-private.pem} and {@code jwt-public.pem}: loaded when
 *                          present, generated there otherwise. A directory holding only the public key
 *                          makes the role verify-only
 * @param publicKeyLocation a PEM public key ({@code file:...}, {@code classpath:...}) for a role that
 *                          only verifies tokens, such as a query-api of its own
 * @param issuer            the {@code iss} claim, written and required
 * @param accessTokenTtl    how long an access token is valid
 * @param verifiedTokenCacheSize how many verified tokens are remembered (see {@link VerifiedTokenCache});
 *                          one per active player and user is enough
 */
@ConfigurationProperties("marquee.security.jwt")
public record JwtProperties(
        Path keyDirectory,
        Resource publicKeyLocation,
        @DefaultValue("marquee") String issuer,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("100000") int verifiedTokenCacheSize) {
}
