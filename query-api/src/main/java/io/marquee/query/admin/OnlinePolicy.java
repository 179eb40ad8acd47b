package io.marquee.query.admin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Online or offline, derived when read: a display is online while its last heartbeat is younger than
 * {@code marquee.status.offline-after}. Nothing is stored, so no timer has to flip it.
 */
@Component
class OnlinePolicy {

    private final Duration offlineAfter;
    private final Clock clock = Clock.systemUTC();

    OnlinePolicy(@Value("${marquee.status.offline-after}") Duration offlineAfter) {
        this.offlineAfter = offlineAfter;
    }

    /** The oldest last-seen instant that still counts as online now. */
    Instant onlineSince() {
        return clock.instant().minus(offlineAfter);
    }

    boolean isOnline(Instant lastSeen) {
        return lastSeen != null && lastSeen.isAfter(onlineSince());
    }
}
