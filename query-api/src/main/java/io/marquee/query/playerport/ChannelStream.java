package io.marquee.query.playerport;

import io.marquee.query.manifest.OpenStreams;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One open manifest stream, confined to its connection's event loop: sends each version at most once and
 * in order, a keep-alive comment every heartbeat, and ends after the timeout. While the socket does not
 * drain (the channel is not writable), only the latest version waits, as a reference to the shared frame;
 * it is written when the channel drains. A stream that stays unwritable through two heartbeats is closed:
 * the player reconnects with {@code Last-Event-ID} and gets the current version.
 */
final class ChannelStream implements OpenStreams.Stream {

    private final Channel channel;
    private final long deviceGeneration;
    private final OpenStreams.Sent sent;
    private long pendingVersion;
    private ByteBuf pendingFrame;
    private boolean stalledAtLastHeartbeat;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> expiry;

    ChannelStream(Channel channel, long deviceGeneration, String lastEventId) {
        this.channel = channel;
        this.deviceGeneration = deviceGeneration;
        this.sent = new OpenStreams.Sent(lastEventId);
        channel.attr(PlayerRequestHandler.STREAM).set(this);
    }

    Channel channel() {
        return channel;
    }

    @Override
    public long deviceGeneration() {
        return deviceGeneration;
    }

    /** On the event loop: writes the version now, or keeps it as the one to write when the socket drains. */
    void offer(long version, ByteBuf frame) {
        if (!sent.isNew(version) || (pendingFrame != null && version <= pendingVersion)) {
            return;
        }
        if (!channel.isWritable()) {
            pendingVersion = version;
            pendingFrame = frame;
            return;
        }
        channel.writeAndFlush(frame.duplicate(), channel.voidPromise());
        sent.record(version);
    }

    /** On the event loop, when the socket drained: the version that waited, if any. */
    void drained() {
        if (pendingFrame != null && channel.isWritable()) {
            ByteBuf frame = pendingFrame;
            pendingFrame = null;
            offer(pendingVersion, frame);
        }
    }

    void schedule(Duration heartbeatInterval, Duration timeout) {
        long every = heartbeatInterval.toMillis();
        heartbeat = channel.eventLoop().scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
        expiry = channel.eventLoop().schedule(this::end, timeout.toMillis(), TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> {
            heartbeat.cancel(false);
            expiry.cancel(false);
        });
    }

    private void keepAlive() {
        if (channel.isWritable()) {
            stalledAtLastHeartbeat = false;
            channel.writeAndFlush(ChannelStreams.KEEP_ALIVE_CHUNK.duplicate(), channel.voidPromise());
        } else if (stalledAtLastHeartbeat) {
            channel.close();
        } else {
            stalledAtLastHeartbeat = true;
        }
    }

    /** Ends the response (the last chunk) and closes the connection; from any thread. */
    void end() {
        channel.eventLoop().execute(() -> {
            if (channel.isActive()) {
                channel.writeAndFlush(ChannelStreams.LAST_CHUNK.duplicate()).addListener(ChannelFutureListener.CLOSE);
            }
        });
    }
}
