package io.marquee.query.history;

import java.time.Duration;

/** The history has not committed the requested position in time: 503 with {@code Retry-After}. */
final class HistoryNotReachedException extends RuntimeException {

    private final Duration retryAfter;

    HistoryNotReachedException(long position, Duration retryAfter) {
        super("the history has not reached position " + position + " yet");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
