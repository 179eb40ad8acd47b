package io.marquee.query.manifest;

import io.marquee.query.access.AccessChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The open manifest streams (server-sent events), by display. A stream is an async response, so it holds
 * no thread while idle: new versions are pushed from a small sender pool (never from the tailer thread,
 * which a slow client must not hold up), a comment line every heartbeat interval keeps proxies from
 * closing it, and a stream that ends (client gone, timeout, error, token revoked) is forgotten.
 */
@Component
class ManifestStreams implements ManifestListener, AccessChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ManifestStreams.class);
    static final String EVENT = "manifest";

    private final Map<UUID, Set<ManifestSubscription>> byDisplay = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, daemon("manifest-stream-sender"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("manifest-stream-heartbeat"));
    private final Duration heartbeatInterval;
    private final Duration timeout;
    private volatile boolean running;

    ManifestStreams(ManifestView view,
                    @Value("${marquee.query.stream.heartbeat-interval}") Duration heartbeatInterval,
                    @Value("${marquee.query.stream.timeout}") Duration timeout) {
        this.heartbeatInterval = heartbeatInterval;
        this.timeout = timeout;
        view.listen(this);
    }

    /**
     * Opens a stream and sends {@code current} at once, unless the client already has that version
     * ({@code Last-Event-ID}). Registered before the first send, so no version can slip in between.
     */
    SseEmitter open(UUID displayId, ServedManifest current, String lastEventId, long deviceGeneration) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        ManifestSubscription subscription = new ManifestSubscription(emitter, deviceGeneration, versionOf(lastEventId));
        byDisplay.computeIfAbsent(displayId, id -> ConcurrentHashMap.newKeySet()).add(subscription);
        Runnable forget = () -> forget(displayId, subscription);
        emitter.onCompletion(forget);
        emitter.onTimeout(() -> {
            forget.run();
            emitter.complete();
        });
        emitter.onError(failure -> forget.run());
        if (current != null) {
            subscription.offer(current.version(), frame(current));
        }
        return emitter;
    }

    int openStreams() {
        return byDisplay.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void changed(ServedManifest manifest) {
        Set<ManifestSubscription> subscriptions = byDisplay.get(manifest.displayId());
        if (subscriptions == null || subscriptions.isEmpty()) {
            return;
        }
        Set<SseEmitter.DataWithMediaType> frame = frame(manifest);
        senders.execute(() -> subscriptions.forEach(subscription -> subscription.offer(manifest.version(), frame)));
    }

    @Override
    public void removed(UUID displayId) {
        Set<ManifestSubscription> subscriptions = byDisplay.remove(displayId);
        if (subscriptions != null) {
            senders.execute(() -> subscriptions.forEach(ManifestSubscription::close));
        }
    }

    @Override
    public void accessChanged(UUID displayId, long tokenGeneration, boolean decommissioned) {
        Set<ManifestSubscription> subscriptions = byDisplay.get(displayId);
        if (subscriptions != null) {
            subscriptions.stream().filter(subscription -> subscription.isRevokedBy(tokenGeneration, decommissioned))
                    .forEach(subscription -> senders.execute(subscription::close));
        }
    }

    @Override
    public void start() {
        long every = heartbeatInterval.toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        heartbeats.shutdownNow();
        byDisplay.values().forEach(subscriptions -> subscriptions.forEach(ManifestSubscription::close));
        byDisplay.clear();
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void heartbeat() {
        byDisplay.values().forEach(subscriptions -> senders.execute(() ->
                subscriptions.forEach(ManifestSubscription::keepAlive)));
    }

    private void forget(UUID displayId, ManifestSubscription subscription) {
        byDisplay.computeIfPresent(displayId, (id, subscriptions) -> {
            subscriptions.remove(subscription);
            return subscriptions.isEmpty() ? null : subscriptions;
        });
    }

    /** One frame per version, built once and sent to every stream of the display. */
    private static Set<SseEmitter.DataWithMediaType> frame(ServedManifest manifest) {
        return SseEmitter.event().name(EVENT).id(Long.toString(manifest.version()))
                .data(new String(manifest.body(), StandardCharsets.UTF_8), MediaType.APPLICATION_JSON).build();
    }

    private static long versionOf(String lastEventId) {
        try {
            return lastEventId == null ? -1 : Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One open stream: sends each version at most once, in order, and never two frames at once. */
    static final class ManifestSubscription {

        private final SseEmitter emitter;
        private final long deviceGeneration;
        private long sentVersion;
        private boolean delivered;

        ManifestSubscription(SseEmitter emitter, long deviceGeneration, long clientVersion) {
            this.emitter = emitter;
            this.deviceGeneration = deviceGeneration;
            this.sentVersion = clientVersion;
        }

        synchronized void offer(long version, Set<SseEmitter.DataWithMediaType> frame) {
            // versions only grow; the first one is skipped only if the client says it has it (Last-Event-ID)
            if (version == sentVersion || (delivered && version < sentVersion)) {
                return;
            }
            try {
                emitter.send(frame);
                sentVersion = version;
                delivered = true;
            } catch (IOException | IllegalStateException e) {
                log.debug("A manifest stream is gone", e);
                emitter.completeWithError(e);
            }
        }

        synchronized void keepAlive() {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }

        boolean isRevokedBy(long tokenGeneration, boolean decommissioned) {
            return deviceGeneration > 0 && (decommissioned || deviceGeneration != tokenGeneration);
        }

        void close() {
            emitter.complete();
        }
    }
}
