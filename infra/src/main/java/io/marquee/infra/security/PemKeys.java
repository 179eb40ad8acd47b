package io.marquee.infra.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA keys as PEM text: PKCS#8 private keys ({@code PRIVATE KEY}) and X.509 public keys ({@code PUBLIC KEY}). */
final class PemKeys {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private PemKeys() {
    }

    static String privateKeyPem(RSAPrivateKey key) {
        return pem(PRIVATE, key.getEncoded());
    }

    static String publicKeyPem(RSAPublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    static RSAPrivateKey readPrivateKey(String pem) {
        try {
            return (RSAPrivateKey) rsa().generatePrivate(new PKCS8EncodedKeySpec(body(PRIVATE, pem)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("not a PKCS#8 RSA private key", e);
        }
    }

    static RSAPublicKey readPublicKey(String pem) {
        try {
            return (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(body(PUBLIC, pem)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("not an X.509 RSA public key", e);
        }
    }

    static RSAPublicKey readPublicKey(InputStream in) throws IOException {
        return readPublicKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }

    /** The public half of a private key, for a directory whose public key file was lost. */
    static RSAPublicKey publicKeyOf(RSAPrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("the private key does not carry its public exponent");
        }
        try {
            return (RSAPublicKey) rsa().generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static byte[] body(String type, String pem) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("expected a PEM block of type " + type);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static KeyFactory rsa() throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA");
    }
}
