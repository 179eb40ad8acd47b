package io.marquee.command.display.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The SHA-256 of a device token's text (UTF-8): all that is stored of it. A token is a signed JWT with a random
 * {@code jti} (122 random bits), so a fast unsalted hash is enough; a slow password hash would only slow down verification.
 * {@link #toString()} never shows it: a hash is not for events or logs either.
 */
public final class DeviceTokenHash {

    private final byte[] sha256;

    private DeviceTokenHash(byte[] sha256) {
        this.sha256 = sha256;
    }

    /** The hash of a token as a player presents it. */
    public static DeviceTokenHash of(String token) {
        try {
            return new DeviceTokenHash(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A copy of the 32 bytes, as stored. */
    public byte[] bytes() {
        return sha256.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceTokenHash hash && MessageDigest.isEqual(sha256, hash.sha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "DeviceTokenHash[redacted]";
    }
}
