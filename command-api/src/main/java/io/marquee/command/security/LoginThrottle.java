package io.marquee.command.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per email and per client address in memory, in fixed windows that start with a
 * key's first failure. Per instance: with several command-api instances behind a balancer an attacker
 * gets the limit once per instance, and a restart forgets the counts. Parallel attempts may overshoot
 * a limit by the number in flight. A success clears its email's count, not its address's.
 */
@Component
@EnableConfigurationProperties(LoginProperties.class)
class LoginThrottle {

    /** Beyond this many tracked keys, expired ones are dropped; a flood of fresh ones drops them all. */
    static final int MAX_TRACKED_KEYS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private record Window(Instant start, int failures) {
    }

    private final LoginProperties limits;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(LoginProperties limits) {
        this(limits, Clock.systemUTC());
    }

    LoginThrottle(LoginProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** @throws LoginThrottledException if the email or the address has used up its failures */
    void requireAllowed(String email, String address) {
        Instant now = clock.instant();
        Duration wait = max(blockedFor(emailKey(email), limits.maxFailuresPerEmail(), now),
                blockedFor(addressKey(address), limits.maxFailuresPerAddress(), now));
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
    }

    void recordFailure(String email, String address) {
        Instant now = clock.instant();
        count(emailKey(email), now);
        if (count(addressKey(address), now) == limits.maxFailuresPerAddress()) {
            log.warn("Logins from {} are throttled after {} failures", address, limits.maxFailuresPerAddress());
        }
    }

    void recordSuccess(String email) {
        windows.remove(emailKey(email));
    }

    private Duration blockedFor(String key, int limit, Instant now) {
        Window window = windows.get(key);
        if (window == null || window.failures() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, window.start().plus(limits.failureWindow()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private int count(String key, Instant now) {
        if (windows.size() >= MAX_TRACKED_KEYS) {
            forgetExpired(now);
        }
        return windows.merge(key, new Window(now, 1), (current, first) -> expired(current, now)
                ? first
                : new Window(current.start(), current.failures() + 1)).failures();
    }

    private void forgetExpired(Instant now) {
        windows.values().removeIf(window -> expired(window, now));
        if (windows.size() >= MAX_TRACKED_KEYS) {
            log.warn("More than {} login failure counters within one window; starting over", MAX_TRACKED_KEYS);
            windows.clear();
        }
    }

    private boolean expired(Window window, Instant now) {
        return !now.isBefore(window.start().plus(limits.failureWindow()));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String emailKey(String email) {
        return "email:" + email;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
