package io.marquee.query.playerport;

import io.marquee.query.access.AccessChangeListener;
import io.marquee.query.manifest.ManifestHeaders;
import io.marquee.query.manifest.ManifestListener;
import io.marquee.query.manifest.ManifestView;
import io.marquee.query.manifest.OpenStreams;
import io.marquee.query.manifest.ServedManifest;
import io.marquee.query.manifest.StreamSettings;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The manifest streams open on the player port, by display: the same events, first event, keep-alive
 * comments, timeout and revocation as the main port's {@code ManifestStreams}, but each stream is written
 * by its connection's own event loop. A new version is encoded once (one chunk, shared by every stream of
 * the display) and handed to each stream's loop, one task per loop per poll of the topic; a stream whose
 * socket does not drain keeps only the latest version to send ({@link ChannelStream}), so a slow player
 * costs at most its connection's small write buffer, never a queue of versions.
 */
@Component
class ChannelStreams implements ManifestListener, AccessChangeListener {

    static final String EVENT = "manifest";
    private static final byte[] KEEP_ALIVE = HttpAnswers.chunk(":keep-alive\n\n".getBytes(StandardCharsets.US_ASCII));
    static final ByteBuf KEEP_ALIVE_CHUNK = HttpAnswers.shared(KEEP_ALIVE);
    static final ByteBuf LAST_CHUNK = HttpAnswers.shared("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    private final OpenStreams<ChannelStream> open = new OpenStreams<>();
    /** The tailer thread's alone: versions for streams, by event loop, not yet handed over. */
    private Map<EventLoop, List<Delivery>> undelivered = new HashMap<>();
    private final StreamSettings settings;
    private final ByteBuf head;

    ChannelStreams(ManifestView view, StreamSettings settings) {
        this.settings = settings;
        this.head = HttpAnswers.shared(HttpAnswers.encode(HttpResponseStatus.OK, headHeaders(), new byte[0], false, true));
        view.listen(this);
    }

    /**
     * Opens a stream on this connection (on its event loop): the response head, then {@code current} unless
     * the client already has that version ({@code Last-Event-ID}). Registered before the first write, so no
     * version can slip in between.
     */
    void open(Channel channel, UUID displayId, ServedManifest current, String lastEventId, long deviceGeneration) {
        ChannelStream stream = new ChannelStream(channel, deviceGeneration, lastEventId);
        open.add(displayId, stream);
        channel.closeFuture().addListener(closed -> open.forget(displayId, stream));
        channel.write(head.duplicate());
        if (current != null) {
            stream.offer(current.version(), frame(current));
        }
        channel.flush();
        stream.schedule(settings.heartbeatInterval(), settings.timeout());
    }

    int openStreams() {
        return open.count();
    }

    /** On the tailer thread: kept, by event loop, until the poll's last record ({@link #afterPoll}). */
    @Override
    public void changed(ServedManifest manifest) {
        Set<ChannelStream> streams = open.of(manifest.displayId());
        if (streams != null) {
            ByteBuf frame = frame(manifest); // one chunk for every stream of the display
            streams.forEach(stream -> undelivered.computeIfAbsent(stream.channel().eventLoop(), loop -> new ArrayList<>())
                    .add(new Delivery(stream, manifest.version(), frame)));
        }
    }

    /**
     * Hands each event loop the poll's versions for its streams as one task. One task per stream woke the
     * loop once per stream: in the real-time policy ({@link RealtimeLoops}) the loop took the core from the
     * tailer at every hand-off, and a fan-out to 10,000 streams spent more than a second in that ping-pong
     * (scenario 7: stored → on the stream p50 1,341 ms, against about 200).
     */
    @Override
    public void afterPoll() {
        if (undelivered.isEmpty()) {
            return;
        }
        undelivered.forEach((loop, deliveries) -> loop.execute(() -> deliveries.forEach(Delivery::offer)));
        undelivered = new HashMap<>();
    }

    private record Delivery(ChannelStream stream, long version, ByteBuf frame) {
        void offer() {
            stream.offer(version, frame);
        }
    }

    @Override
    public void removed(UUID displayId) {
        Set<ChannelStream> streams = open.removeAll(displayId);
        if (streams != null) {
            streams.forEach(ChannelStream::end);
        }
    }

    @Override
    public void accessChanged(UUID displayId, long tokenGeneration, boolean decommissioned) {
        open.forEachRevoked(displayId, tokenGeneration, decommissioned, ChannelStream::end);
    }

    /** Ends every stream (the port is stopping). */
    void endAll() {
        open.forEachDisplay(streams -> streams.forEach(ChannelStream::end));
        open.clear();
    }

    /** The event of one version as one chunk, written as {@code SseEmitter} writes it (event, id, data lines). */
    static ByteBuf frame(ServedManifest manifest) {
        ByteArrayOutputStream event = new ByteArrayOutputStream(manifest.body().length + 64);
        event.writeBytes(("event:" + EVENT + "\nid:" + manifest.version() + "\n").getBytes(StandardCharsets.UTF_8));
        for (String line : new String(manifest.body(), StandardCharsets.UTF_8).split("\n", -1)) {
            event.writeBytes(("data:" + line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        event.write('\n');
        return HttpAnswers.shared(HttpAnswers.chunk(event.toByteArray()));
    }

    private static List<Map.Entry<String, String>> headHeaders() {
        List<Map.Entry<String, String>> headers = new ArrayList<>(ManifestHeaders.SECURITY);
        headers.addAll(ManifestHeaders.NO_STORE);
        headers.add(Map.entry("Content-Type", ManifestHeaders.STREAM_CONTENT_TYPE));
        return headers;
    }
}
