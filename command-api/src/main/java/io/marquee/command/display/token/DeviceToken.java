package io.marquee.command.display.token;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A display's device token: {@value #PREFIX} followed by 32 random bytes in unpadded base64url. It is
 * handed to the caller once, in the response that issues it; only its {@link #hash() hash} is kept.
 * {@link #toString()} never shows it, so it cannot slip into a log.
 */
public final class DeviceToken {

    /** Makes a leaked token recognisable to secret scanners and to people. */
    public static final String PREFIX = "mqd_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String secret;

    private DeviceToken(String secret) {
        this.secret = secret;
    }

    /** A fresh token with 256 bits of entropy. */
    public static DeviceToken generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new DeviceToken(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The secret itself, for the one response that shows it. */
    public String secret() {
        return secret;
    }

    public DeviceTokenHash hash() {
        return DeviceTokenHash.of(secret);
    }

    @Override
    public String toString() {
        return "DeviceToken[redacted]";
    }
}
