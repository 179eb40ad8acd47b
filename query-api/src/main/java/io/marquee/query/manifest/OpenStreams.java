package io.marquee.query.manifest;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The open manifest streams of one server, by display, and the rules every stream follows whichever
 * server holds it (the main port's {@code SseEmitter}s, the player port's channels): which streams a new
 * token generation or a decommissioning revokes, and what {@code Last-Event-ID} says the client has.
 *
 * @param <S> the server's stream type
 */
public final class OpenStreams<S extends OpenStreams.Stream> {

    /** One open stream: the device generation it was opened with (0 for a user, whom revocation does not end). */
    public interface Stream {

        long deviceGeneration();

        /** True if a display's new access state means this stream's token no longer works. */
        default boolean isRevokedBy(long tokenGeneration, boolean decommissioned) {
            return deviceGeneration() > 0 && (decommissioned || deviceGeneration() != tokenGeneration);
        }
    }

    private final Map<UUID, Set<S>> byDisplay = new ConcurrentHashMap<>();

    /** Registers a stream; do it before its first send, so no version can slip in between. */
    public void add(UUID displayId, S stream) {
        byDisplay.computeIfAbsent(displayId, id -> ConcurrentHashMap.newKeySet()).add(stream);
    }

    /** Forgets a stream that ended. */
    public void forget(UUID displayId, S stream) {
        byDisplay.computeIfPresent(displayId, (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    /** The display's open streams (a live view), or null if it has none. */
    public Set<S> of(UUID displayId) {
        Set<S> streams = byDisplay.get(displayId);
        return streams == null || streams.isEmpty() ? null : streams;
    }

    /** Forgets and returns the display's streams (its manifest is gone), or null if it had none. */
    public Set<S> removeAll(UUID displayId) {
        return byDisplay.remove(displayId);
    }

    /** Each of the display's streams that its new access state revokes. */
    public void forEachRevoked(UUID displayId, long tokenGeneration, boolean decommissioned, Consumer<S> action) {
        Set<S> streams = byDisplay.get(displayId);
        if (streams != null) {
            streams.stream().filter(stream -> stream.isRevokedBy(tokenGeneration, decommissioned)).forEach(action);
        }
    }

    /** Each display's set of streams. */
    public void forEachDisplay(Consumer<Set<S>> action) {
        byDisplay.values().forEach(action);
    }

    /** Forgets every stream (the server stops). */
    public void clear() {
        byDisplay.clear();
    }

    public int count() {
        return byDisplay.values().stream().mapToInt(Set::size).sum();
    }

    /** The version a client says it has ({@code Last-Event-ID}); -1 if none or not a number. */
    public static long versionOf(String lastEventId) {
        try {
            return lastEventId == null ? -1 : Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * What a stream has sent: versions only grow, each is sent at most once, and the first is skipped only
     * if the client says it has it. Not thread-safe: its stream serializes its sends.
     */
    public static final class Sent {

        private long version;
        private boolean delivered;

        public Sent(String lastEventId) {
            this.version = versionOf(lastEventId);
        }

        /** True if {@code candidate} should be sent now. */
        public boolean isNew(long candidate) {
            return candidate != version && (!delivered || candidate > version);
        }

        public void record(long sent) {
            version = sent;
            delivered = true;
        }
    }
}
