package io.marquee.command.display.token;

import io.marquee.command.security.JwtSigner;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.infra.security.JwtKeyMaterial;
import io.marquee.infra.security.JwtProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceTokenTest {

    private static final JwtKeyMaterial KEYS = JwtKeyMaterial.generated();
    private static final DeviceTokenIssuer ISSUER = new DeviceTokenIssuer(new JwtSigner(KEYS),
            new JwtProperties(null, null, "marquee", Duration.ofMinutes(15), 100_000));
    private static final DisplayId DISPLAY = DisplayId.random();
    private static final OrganizationId ORG = OrganizationId.random();

    @Test
    void a_token_is_a_signed_jwt_naming_the_display_its_organization_and_generation_without_expiry() {
        // when
        DeviceToken token = ISSUER.issue(DISPLAY, ORG, 3);

        // then
        Jwt jwt = NimbusJwtDecoder.withPublicKey(KEYS.publicKey()).build().decode(token.secret());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", KEYS.keyId());
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("marquee");
        assertThat(jwt.getSubject()).isEqualTo(DISPLAY.toString());
        assertThat(jwt.getClaimAsString("org")).isEqualTo(ORG.toString());
        assertThat(jwt.<Number>getClaim("gen").longValue()).isEqualTo(3);
        assertThat(jwt.getClaimAsString("typ")).isEqualTo("device");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getExpiresAt()).isNull();
    }

    @Test
    void two_tokens_of_the_same_generation_differ() {
        assertThat(ISSUER.issue(DISPLAY, ORG, 1).secret()).isNotEqualTo(ISSUER.issue(DISPLAY, ORG, 1).secret());
    }

    @Test
    void a_token_and_its_hash_never_print_themselves() {
        DeviceToken token = ISSUER.issue(DISPLAY, ORG, 1);
        String signature = token.secret().substring(token.secret().lastIndexOf('.') + 1);
        assertThat(token.toString()).doesNotContain(signature);
        assertThat(token.hash().toString())
                .doesNotContain(HexFormat.of().formatHex(token.hash().bytes()))
                .doesNotContain(signature);
    }

    @Test
    void the_hash_is_the_sha256_of_the_tokens_text() {
        // the FIPS 180-2 test vector for "abc"
        assertThat(HexFormat.of().formatHex(DeviceTokenHash.of("abc").bytes()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashes_of_the_same_token_are_equal() {
        DeviceToken token = ISSUER.issue(DISPLAY, ORG, 1);
        assertThat(DeviceTokenHash.of(token.secret())).isEqualTo(token.hash()).hasSameHashCodeAs(token.hash());
        assertThat(DeviceTokenHash.of(token.secret() + "x")).isNotEqualTo(token.hash());
    }
}
