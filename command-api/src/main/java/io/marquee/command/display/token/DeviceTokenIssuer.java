package io.marquee.command.display.token;

import io.marquee.command.security.JwtSigner;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.infra.security.JwtProperties;
import io.marquee.infra.security.MarqueeClaims;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Signs device tokens: RS256 JWTs naming the display ({@code sub}), its organization ({@code org}), the
 * token generation ({@code gen}) and {@code typ=device}, with a random {@code jti} and no expiry. The read
 * side verifies them with the public key and refuses any generation but the display's current one, so a
 * rotation or a decommissioning revokes them without a database on the read path.
 */
@Component
public class DeviceTokenIssuer {

    private final JwtSigner signer;
    private final JwtProperties settings;
    private final Clock clock = Clock.systemUTC();

    public DeviceTokenIssuer(JwtSigner signer, JwtProperties settings) {
        this.signer = signer;
        this.settings = settings;
    }

    public DeviceToken issue(DisplayId displayId, OrganizationId organizationId, long generation) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(displayId.toString())
                .issuedAt(clock.instant())
                .id(UUID.randomUUID().toString())
                .claim(MarqueeClaims.ORGANIZATION, organizationId.toString())
                .claim(MarqueeClaims.GENERATION, generation)
                .claim(MarqueeClaims.TOKEN_TYPE, MarqueeClaims.DEVICE)
                .build();
        return DeviceToken.of(signer.sign(claims));
    }
}
