package io.marquee.command.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Login throttling. Failed logins are counted per email and per client address; once a count reaches
 * its limit, every login for that email or from that address answers 429 until the window that began
 * with the first counted failure ends.
 *
 * @param maxFailuresPerEmail   failures for one email within a window; guessing one account's password
 * @param maxFailuresPerAddress failures from one client address within a window; trying many accounts.
 *                              Higher, since many people may share an address
 * @param failureWindow         how long failures are counted, and the longest wait
 */
@ConfigurationProperties("marquee.security.login")
public record LoginProperties(
        @DefaultValue("5") int maxFailuresPerEmail,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration failureWindow) {
}
