package io.marquee.command.security;

import java.time.Duration;

/** Too many failed logins for an email or from an address: answers 429 with {@code Retry-After}. */
class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
