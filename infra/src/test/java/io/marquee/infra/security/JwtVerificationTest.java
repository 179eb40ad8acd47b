package io.marquee.infra.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A role holding only the public key verifies what the private key signed, and nothing else. */
class JwtVerificationTest {

    static final UserId USER = UserId.random();
    static final OrganizationId ORG = OrganizationId.random();

    @TempDir
    static Path dir;
    static JwtKeyMaterial signer;
    static JwtDecoder verifyOnly;

    @BeforeAll
    static void keys() throws Exception {
        signer = JwtKeyMaterial.generated();
        Path pem = Files.writeString(dir.resolve("public.pem"), PemKeys.publicKeyPem(signer.publicKey()));
        JwtProperties properties = new JwtProperties(null, new FileSystemResource(pem), "marquee", Duration.ofMinutes(15), 100_000);
        JwtKeyMaterial publicOnly = JwtKeyMaterial.from(properties);
        verifyOnly = new MarqueeSecurityAutoConfiguration().jwtDecoder(publicOnly, properties);
    }

    static String sign(JwtKeyMaterial keys, UnaryOperator<JwtClaimsSet.Builder> claims) {
        RSAKey jwk = new RSAKey.Builder(keys.publicKey()).privateKey(keys.privateKey().orElseThrow()).build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        Instant now = Instant.now();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder().issuer("marquee").subject(USER.toString())
                .issuedAt(now).expiresAt(now.plusSeconds(600))
                .claim(MarqueeClaims.ORGANIZATION, ORG.toString())
                .claim(MarqueeClaims.ROLE, "EDITOR")
                .claim(MarqueeClaims.DISPLAY_NAME, "Eve Editor");
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.apply(builder).build())).getTokenValue();
    }

    @Test
    void a_token_signed_with_the_private_key_verifies_with_the_public_key_alone() {
        Jwt jwt = verifyOnly.decode(sign(signer, claims -> claims));

        CallerAuthentication authentication = (CallerAuthentication) new CallerAuthenticationConverter().convert(jwt);

        assertThat(authentication.getPrincipal())
                .isEqualTo(new AuthenticatedCaller(USER, ORG, Role.EDITOR, "Eve Editor"));
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_EDITOR");
    }

    @Test
    void a_token_signed_with_another_key_is_rejected() {
        String forged = sign(JwtKeyMaterial.generated(), claims -> claims);
        assertThatThrownBy(() -> verifyOnly.decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void an_expired_token_is_rejected() {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        String expired = sign(signer, claims -> claims.issuedAt(hourAgo.minusSeconds(60)).expiresAt(hourAgo));
        assertThatThrownBy(() -> verifyOnly.decode(expired)).isInstanceOf(JwtException.class);
    }

    @Test
    void a_token_from_another_issuer_is_rejected() {
        String foreign = sign(signer, claims -> claims.issuer("someone-else"));
        assertThatThrownBy(() -> verifyOnly.decode(foreign)).isInstanceOf(JwtException.class);
    }

    @Test
    void a_token_without_expiry_is_rejected() {
        String forever = sign(signer, claims -> claims.claims(all -> all.remove("exp")));
        assertThatThrownBy(() -> verifyOnly.decode(forever)).isInstanceOf(JwtException.class);
    }

    @Test
    void a_valid_token_that_names_no_role_is_not_a_caller() {
        Jwt jwt = verifyOnly.decode(sign(signer, claims -> claims.claim(MarqueeClaims.ROLE, "OWNER")));
        assertThatThrownBy(() -> new CallerAuthenticationConverter().convert(jwt))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void a_device_token_without_expiry_is_a_device() {
        // given a device token: typ=device, sub=display id, gen, no exp
        Jwt jwt = verifyOnly.decode(sign(signer, claims -> claims.subject(USER.toString())
                .claim(MarqueeClaims.TOKEN_TYPE, MarqueeClaims.DEVICE).claim(MarqueeClaims.GENERATION, 4)
                .claims(all -> { all.remove("exp"); all.remove("role"); all.remove("name"); })));

        // when
        var authentication = new CallerAuthenticationConverter().convert(jwt);

        // then
        assertThat(authentication).isInstanceOf(DeviceAuthentication.class);
        assertThat(authentication.getPrincipal()).isEqualTo(new AuthenticatedDevice(
                io.marquee.events.ids.DisplayId.of(USER.toString()), ORG, 4));
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("DEVICE");
    }

    @Test
    void a_device_token_without_a_generation_is_invalid() {
        Jwt jwt = verifyOnly.decode(sign(signer, claims -> claims.claim(MarqueeClaims.TOKEN_TYPE, MarqueeClaims.DEVICE)));
        assertThatThrownBy(() -> new CallerAuthenticationConverter().convert(jwt))
                .isInstanceOf(InvalidBearerTokenException.class);
    }
}
