package io.marquee.query.playerport;

import io.marquee.query.manifest.ManifestView;
import io.marquee.query.manifest.StreamSettings;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A player that stops reading its stream: the versions that keep coming must not pile up in the server's
 * memory (only the latest waits), the latest still arrives once it reads again, and a stream that does not
 * drain through two heartbeats is closed. Real sockets on loopback, a real event loop.
 */
class SlowStreamConsumerTest {

    private static final int VERSIONS = 200;
    private static final int BODY_BYTES = 64 * 1024;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ManifestView view = new ManifestView();
    private final UUID displayId = UUID.randomUUID();
    private final UUID organizationId = UUID.randomUUID();
    private final AtomicReference<Channel> serverSide = new AtomicReference<>();

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void a_player_that_does_not_read_holds_at_most_its_write_buffer_and_then_gets_the_latest_version() throws Exception {
        // given a stream whose player does not read
        ChannelStreams streams = new ChannelStreams(view, new StreamSettings(Duration.ofMinutes(5), Duration.ofMinutes(30)));
        try (Socket player = connect(streams)) {
            // when many large versions are published
            for (int version = 1; version <= VERSIONS; version++) {
                view.accept(displayId.toString(), manifest(version));
                view.afterPoll((topic, partition) -> 0); // one record per poll, as the tailer hands them on
            }
            Channel channel = serverSide.get();
            channel.eventLoop().submit(() -> { }).sync(); // every offer has run on the loop

            // then the server holds about one write buffer and one frame, not 200 versions (12.5 MiB)
            long pending = channel.eventLoop().submit(() -> channel.unsafe().outboundBuffer().totalPendingWriteBytes()).get();
            assertThat(pending).isLessThan(PlayerPortServer.WATER_MARK.high() + 2L * BODY_BYTES);

            // and when the player reads again, the latest version arrives
            assertThat(readUntil(player.getInputStream(), "id:" + VERSIONS + "\n")).isTrue();
        }
    }

    @Test
    void a_stream_that_does_not_drain_through_two_heartbeats_is_closed() throws Exception {
        // given a stream with a fast heartbeat whose player does not read
        ChannelStreams streams = new ChannelStreams(view, new StreamSettings(Duration.ofMillis(100), Duration.ofMinutes(30)));
        try (Socket ignored = connect(streams)) {
            // when versions fill its buffers
            for (int version = 1; version <= 50; version++) {
                view.accept(displayId.toString(), manifest(version));
                view.afterPoll((topic, partition) -> 0); // one record per poll, as the tailer hands them on
            }

            // then the server closes it
            await().atMost(Duration.ofSeconds(10)).until(() -> !serverSide.get().isActive());
        }
    }

    /** A player connected to a server whose every connection becomes this display's stream at once. */
    private Socket connect(ChannelStreams streams) throws IOException {
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, PlayerPortServer.WATER_MARK)
                .childOption(ChannelOption.SO_SNDBUF, 8 * 1024)
                .childHandler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelActive(ChannelHandlerContext ctx) {
                        serverSide.set(ctx.channel());
                        streams.open(ctx.channel(), displayId, null, null, 1);
                    }

                    @Override
                    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                        ctx.channel().attr(PlayerRequestHandler.STREAM).get().drained();
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
        Socket player = new Socket();
        player.setReceiveBufferSize(4 * 1024);
        player.setSoTimeout(10_000);
        player.connect(server.localAddress());
        await().atMost(Duration.ofSeconds(5)).until(() -> serverSide.get() != null);
        return player;
    }

    private byte[] manifest(long version) {
        String padding = "x".repeat(BODY_BYTES);
        return ("{\"displayId\":\"" + displayId + "\",\"organizationId\":\"" + organizationId + "\",\"version\":" + version
                + ",\"position\":" + version + ",\"padding\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static boolean readUntil(InputStream in, String marker) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        StringBuilder tail = new StringBuilder();
        for (int read; (read = in.read(buffer)) > 0; ) {
            tail.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            if (tail.indexOf(marker) >= 0) {
                return true;
            }
            tail.delete(0, Math.max(0, tail.length() - marker.length()));
        }
        return false;
    }
}
