package io.marquee.command.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.marquee.infra.security.JwtKeyMaterial;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.security.interfaces.RSAPrivateKey;

/** Signs every token the platform hands out (RS256, with the key id in the header) with the private key. */
@Component
public class JwtSigner {

    private final JwtEncoder encoder;
    private final String keyId;

    public JwtSigner(JwtKeyMaterial keys) {
        RSAPrivateKey privateKey = keys.privateKey().orElseThrow(() -> new IllegalStateException(
                "command-api signs access tokens and needs the private key: point marquee.security.jwt.key-directory "
                        + "at a directory holding jwt-private.pem, or at an empty one to generate a pair"));
        RSAKey jwk = new RSAKey.Builder(keys.publicKey()).privateKey(privateKey).keyID(keys.keyId()).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        this.keyId = keys.keyId();
    }

    public String sign(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
