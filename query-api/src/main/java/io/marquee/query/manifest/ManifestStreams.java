package io.marquee.query.manifest;

import io.marquee.query.access.AccessChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The open manifest streams (server-sent events) of the main port, by display. A stream is an async
 * response, so it holds no thread while idle: new versions are pushed from a small sender pool (never
 * from the tailer thread, which a slow client must not hold up), a comment line every heartbeat interval
 * keeps proxies from closing it, and a stream that ends (client gone, timeout, error, token revoked) is
 * forgotten. The player port's streams follow the same rules ({@link OpenStreams}).
 */
@Component
class ManifestStreams implements ManifestListener, AccessChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ManifestStreams.class);
    static final String EVENT = "manifest";

    private final OpenStreams<ManifestSubscription> open = new OpenStreams<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, daemon("manifest-stream-sender"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("manifest-stream-heartbeat"));
    private final StreamSettings settings;
    private volatile boolean running;

    ManifestStreams(ManifestView view, StreamSettings settings) {
        this.settings = settings;
        view.listen(this);
    }

    /**
     * Opens a stream and sends {@code current} at once, unless the client already has that version
     * ({@code Last-Event-ID}). Registered before the first send, so no version can slip in between.
     */
    SseEmitter open(UUID displayId, ServedManifest current, String lastEventId, long deviceGeneration) {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        ManifestSubscription subscription = new ManifestSubscription(emitter, deviceGeneration, lastEventId);
        open.add(displayId, subscription);
        Runnable forget = () -> open.forget(displayId, subscription);
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
        return open.count();
    }

    @Override
    public void changed(ServedManifest manifest) {
        Set<ManifestSubscription> subscriptions = open.of(manifest.displayId());
        if (subscriptions == null) {
            return;
        }
        Set<SseEmitter.DataWithMediaType> frame = frame(manifest);
        senders.execute(() -> subscriptions.forEach(subscription -> subscription.offer(manifest.version(), frame)));
    }

    @Override
    public void removed(UUID displayId) {
        Set<ManifestSubscription> subscriptions = open.removeAll(displayId);
        if (subscriptions != null) {
            senders.execute(() -> subscriptions.forEach(ManifestSubscription::close));
        }
    }

    @Override
    public void accessChanged(UUID displayId, long tokenGeneration, boolean decommissioned) {
        open.forEachRevoked(displayId, tokenGeneration, decommissioned, subscription -> senders.execute(subscription::close));
    }

    @Override
    public void start() {
        long every = settings.heartbeatInterval().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        heartbeats.shutdownNow();
        open.forEachDisplay(subscriptions -> subscriptions.forEach(ManifestSubscription::close));
        open.clear();
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void heartbeat() {
        open.forEachDisplay(subscriptions -> senders.execute(() -> subscriptions.forEach(ManifestSubscription::keepAlive)));
    }

    /** One frame per version, built once and sent to every stream of the display. */
    private static Set<SseEmitter.DataWithMediaType> frame(ServedManifest manifest) {
        return SseEmitter.event().name(EVENT).id(Long.toString(manifest.version()))
                .data(new String(manifest.body(), StandardCharsets.UTF_8), MediaType.APPLICATION_JSON).build();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One open stream: sends each version at most once, in order, and never two frames at once. */
    record ManifestSubscription(SseEmitter emitter, long deviceGeneration, OpenStreams.Sent sent)
            implements OpenStreams.Stream {

        ManifestSubscription(SseEmitter emitter, long deviceGeneration, String lastEventId) {
            this(emitter, deviceGeneration, new OpenStreams.Sent(lastEventId));
        }

        void offer(long version, Set<SseEmitter.DataWithMediaType> frame) {
            synchronized (sent) {
                if (!sent.isNew(version)) {
                    return;
                }
                try {
                    emitter.send(frame);
                    sent.record(version);
                } catch (IOException | IllegalStateException e) {
                    log.debug("A manifest stream is gone", e);
                    emitter.completeWithError(e);
                }
            }
        }

        void keepAlive() {
            synchronized (sent) {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    emitter.completeWithError(e);
                }
            }
        }

        void close() {
            emitter.complete();
        }
    }
}
