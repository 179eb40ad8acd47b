package io.marquee.command.eventstore;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the events of a command were stored, reported by the event store as it appends them, so that
 * a command's response can carry its position without asking the database again. A sender
 * {@linkplain #expect expects} a command by its message identifier (which stays the same when a
 * command that lost a concurrency race is retried), sends it, and {@linkplain #collect collects} the
 * highest global index of the events appended for it. Only expected commands are tracked.
 */
@Component
public class CommandPositions {

    private final Map<String, AtomicLong> expected = new ConcurrentHashMap<>();

    /** Starts tracking the command with this message identifier; pair with {@link #collect}. */
    public void expect(String commandIdentifier) {
        expected.put(commandIdentifier, new AtomicLong());
    }

    /**
     * Stops tracking the command and returns the highest position its events were stored at, or empty
     * if it stored none (or was never expected).
     */
    public OptionalLong collect(String commandIdentifier) {
        AtomicLong position = expected.remove(commandIdentifier);
        return position == null || position.get() == 0 ? OptionalLong.empty() : OptionalLong.of(position.get());
    }

    /** Records that an event of the command was stored at {@code position}; ignored if it is not expected. */
    void stored(String commandIdentifier, long position) {
        AtomicLong highest = expected.get(commandIdentifier);
        if (highest != null) {
            highest.accumulateAndGet(position, Math::max);
        }
    }
}
