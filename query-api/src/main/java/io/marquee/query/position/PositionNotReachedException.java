package io.marquee.query.position;

import java.time.Duration;

/** The read model did not reach the requested position in time: 503 with {@code Retry-After}. */
public class PositionNotReachedException extends RuntimeException {

    private final transient Duration retryAfter;

    PositionNotReachedException(long position, Duration retryAfter) {
        super("The read side has not reached position " + position + " yet; retry shortly.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
