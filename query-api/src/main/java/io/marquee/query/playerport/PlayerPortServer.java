package io.marquee.query.playerport;

import io.marquee.query.manifest.DeviceReads;
import io.marquee.query.manifest.ManifestArrivals;
import io.marquee.query.position.PositionGate;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The player port's server: binds {@code marquee.query.player-port} (0: any free port; -1: no player
 * port) on the main server's address, with {@code marquee.query.player-port-threads} event loops (0: one
 * per core), native epoll where the platform has it; if {@code marquee.query.player-port-realtime-priority}
 * is above 0, the loops run in {@code SCHED_FIFO} at that priority while they have headroom
 * ({@link RealtimeLoops}). It starts and stops with the main web server, ending the open streams; the port
 * it bound is published as {@code local.marquee.player-port}.
 */
@Component
@ConditionalOnWebApplication
class PlayerPortServer implements SmartLifecycle {

    static final String LOCAL_PORT = "local.marquee.player-port";
    private static final Logger log = LoggerFactory.getLogger(PlayerPortServer.class);
    /** Small per-connection write buffers: a slow player must not make the heap grow (see {@link ChannelStream}). */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(16 * 1024, 64 * 1024);

    private final int port;
    private final String address;
    private final int threads;
    private final int realtimePriority;
    private final PlayerRequestHandler handler;
    private final ChannelStreams streams;
    private final ConfigurableEnvironment environment;
    private EventLoopGroup group;
    private Channel server;
    private Optional<RealtimeLoops> realtime = Optional.empty();

    PlayerPortServer(@Value("${marquee.query.player-port:-1}") int port,
                     @Value("${server.address:}") String address,
                     @Value("${marquee.query.player-port-threads:0}") int threads,
                     @Value("${marquee.query.player-port-realtime-priority:0}") int realtimePriority,
                     DeviceReads reads, EncodedManifests encoded, ChannelStreams streams, PlayerProblems problems,
                     PositionGate positions, ManifestArrivals arrivals, ConfigurableEnvironment environment) {
        this.port = port;
        this.address = address;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (realtimePriority < 0 || realtimePriority > 99) {
            throw new IllegalArgumentException("marquee.query.player-port-realtime-priority must be 0 (off) or 1-99, not " + realtimePriority);
        }
        this.realtimePriority = realtimePriority;
        this.handler = new PlayerRequestHandler(reads, encoded, streams, problems, positions, arrivals);
        this.streams = streams;
        this.environment = environment;
    }

    @Override
    public synchronized void start() {
        if (port < 0 || server != null) {
            return;
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        // the highest Java priority: with standalone/reads-first.args the JVM runs these loops at nice 0 and
        // the process's other threads at 15, so a poll on a core shared with the writes does not wait behind
        // them (scenario 3 in one process, p99 under 200 commands/s: median 243 ms without, 20 ms with it)
        group = new MultiThreadIoEventLoopGroup(threads,
                new DefaultThreadFactory("player-port", true, Thread.MAX_PRIORITY), io);
        InetSocketAddress bindTo = address.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
        server = new ServerBootstrap().group(group).channel(channelType)
                // the kernel's own cap: after a restart every screen reconnects at once, and a fuller queue
                // drops SYNs, which the players' TCP retries only seconds later (10,000 streams: 76-661 of them
                // timed out connecting behind a queue of 1,024, scenario 7's probe found)
                .option(ChannelOption.SO_BACKLOG, NetUtil.SOMAXCONN)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpRequestDecoder(), handler);
                    }
                })
                .bind(bindTo).syncUninterruptibly().channel();
        int bound = ((InetSocketAddress) server.localAddress()).getPort();
        environment.getPropertySources().addFirst(new MapPropertySource("marquee.player-port", Map.of(LOCAL_PORT, bound)));
        realtime = realtimePriority > 0 ? RealtimeLoops.start(group, realtimePriority) : Optional.empty();
        log.info("Player port listening on {} ({} event loops, {}; {})", server.localAddress(), threads,
                epoll ? "epoll" : "NIO", priority(group.submit(ThreadScheduling::ofCurrentThread).syncUninterruptibly().getNow(),
                        ThreadScheduling.ofCurrentThread()));
    }

    private static String priority(Optional<ThreadScheduling> loops, Optional<ThreadScheduling> others) {
        if (loops.isEmpty() || others.isEmpty()) {
            return "at the CPU priority of the process's other threads";
        }
        ThreadScheduling loop = loops.get(), other = others.get();
        if (loop.policy() == ThreadScheduling.FIFO || loop.nice() < other.nice()) {
            return "at " + loop.describe() + ", ahead of the process's other threads at " + other.describe();
        }
        return "at the CPU priority of the process's other threads";
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.close().syncUninterruptibly();
        realtime.ifPresent(RealtimeLoops::close);
        realtime = Optional.empty();
        streams.endAll();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        server = null;
        group = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The main web server's phase: both ports open, and close, together. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
