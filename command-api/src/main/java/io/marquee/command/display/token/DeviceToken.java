package io.marquee.command.display.token;

/**
 * A display's device token: an RS256 JWT signed by the platform (see {@code DeviceTokenIssuer}), which
 * any read-side instance verifies with the public key alone. It is handed to the caller once, in the
 * response that issues it; only its {@link #hash() hash} is kept. {@link #toString()} never shows it,
 * so it cannot slip into a log.
 */
public final class DeviceToken {

    private final String secret;

    private DeviceToken(String secret) {
        this.secret = secret;
    }

    /** Wraps a freshly signed token. */
    public static DeviceToken of(String signed) {
        return new DeviceToken(signed);
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
