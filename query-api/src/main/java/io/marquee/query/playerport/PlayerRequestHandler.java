package io.marquee.query.playerport;

import io.marquee.infra.web.InvalidFieldsException;
import io.marquee.query.manifest.DeviceReads;
import io.marquee.query.manifest.EntityTags;
import io.marquee.query.manifest.ManifestArrivals;
import io.marquee.query.manifest.PlayerPaths;
import io.marquee.query.manifest.ServedManifest;
import io.marquee.query.position.PositionGate;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Answers the player port's requests on the connection's event loop: the manifest (GET, HEAD) and its
 * stream for the display's own device token, every refusal as the main port's problem, and 404 for
 * anything else. Nothing here blocks: a {@code Marquee-Min-Position} wait completes on the tailer's
 * thread and the answer is then written back on the event loop.
 */
@ChannelHandler.Sharable
final class PlayerRequestHandler extends ChannelInboundHandlerAdapter {

    /** The stream a connection became, if it did. */
    static final AttributeKey<ChannelStream> STREAM = AttributeKey.valueOf("marquee.manifest-stream");
    private static final String INVALID_VALUE = "has the wrong type or format";

    private final DeviceReads reads;
    private final EncodedManifests encoded;
    private final ChannelStreams streams;
    private final PlayerProblems problems;
    private final PositionGate positions;
    private final ManifestArrivals arrivals;

    PlayerRequestHandler(DeviceReads reads, EncodedManifests encoded, ChannelStreams streams,
                         PlayerProblems problems, PositionGate positions, ManifestArrivals arrivals) {
        this.reads = reads;
        this.encoded = encoded;
        this.streams = streams;
        this.problems = problems;
        this.positions = positions;
        this.arrivals = arrivals;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request && ctx.channel().attr(STREAM).get() == null) {
                answer(ctx, request);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ChannelStream stream = ctx.channel().attr(STREAM).get();
        if (stream != null) {
            stream.drained();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset connection; nothing to answer
    }

    private void answer(ChannelHandlerContext ctx, HttpRequest request) {
        Exchange exchange = new Exchange(ctx, request);
        if (request.decoderResult().isFailure()) {
            exchange.close = true;
            exchange.write(problems.answer(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request is not valid HTTP/1.1.", "/", true, List.of()));
            return;
        }
        PlayerPaths.Route route = PlayerPaths.route(exchange.path);
        HttpMethod method = request.method();
        if (route == PlayerPaths.Route.NONE) {
            exchange.write(problems.answer(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "The player port serves only GET /api/displays/{id}/manifest and .../manifest/stream.",
                    exchange.path, !exchange.head, List.of()));
        } else if (!method.equals(HttpMethod.GET) && !exchange.head) {
            exchange.write(problems.answer(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    "Method '" + method.name() + "' is not supported.", exchange.path, true,
                    List.of(Map.entry("Allow", "GET,HEAD"))));
        } else {
            authorized(exchange, route);
        }
    }

    /** The caller's token, the id in the path and the display, in the order the main port checks them. */
    private void authorized(Exchange exchange, PlayerPaths.Route route) {
        DeviceReads.Outcome caller = reads.caller(exchange.header(HttpHeaderNames.AUTHORIZATION));
        if (caller instanceof DeviceReads.Refused refused) {
            exchange.refuse(refused.failure());
            return;
        }
        if (caller instanceof DeviceReads.UserToken) {
            exchange.write(problems.answer(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "The player port serves displays' device tokens; users read manifests on the main port.",
                    exchange.path, !exchange.head, List.of()));
            return;
        }
        Optional<UUID> displayId = PlayerPaths.uuid(PlayerPaths.idText(exchange.path));
        if (displayId.isEmpty()) {
            exchange.refuse(InvalidFieldsException.parameter("displayId", INVALID_VALUE));
            return;
        }
        DeviceReads.Outcome read = reads.read(caller, displayId.get());
        if (read instanceof DeviceReads.Refused refused) {
            exchange.refuse(refused.failure());
            return;
        }
        String minPosition = exchange.header(PositionGate.HEADER);
        if (minPosition == null) {
            serve(exchange, route, (DeviceReads.Own) read);
            return;
        }
        awaitThenServe(exchange, route, caller, (DeviceReads.Own) read, minPosition);
    }

    private void awaitThenServe(Exchange exchange, PlayerPaths.Route route, DeviceReads.Outcome caller,
                                DeviceReads.Own own, String minPositionHeader) {
        long minPosition;
        try {
            minPosition = Long.parseLong(minPositionHeader.trim());
        } catch (NumberFormatException notANumber) {
            exchange.refuse(InvalidFieldsException.parameter(PositionGate.HEADER, INVALID_VALUE));
            return;
        }
        if (route == PlayerPaths.Route.MANIFEST
                && own.manifest().filter(found -> found.position() >= minPosition).isPresent()) {
            serve(exchange, route, own);
            return;
        }
        UUID displayId = own.device().displayId().value();
        // a manifest read is also released by its own manifest arriving at the position (before the watermark)
        CompletableFuture<Void> sooner = route == PlayerPaths.Route.MANIFEST ? arrivals.await(displayId, minPosition)
                : new CompletableFuture<>();
        positions.awaitAsync(own.device().organizationId(), minPosition, sooner).whenComplete((reached, failure) ->
                exchange.ctx.executor().execute(() -> {
                    if (failure != null) {
                        exchange.refuse(failure instanceof CompletionException wrapped && wrapped.getCause() instanceof RuntimeException cause
                                ? cause : failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure));
                        return;
                    }
                    DeviceReads.Outcome again = reads.read(caller, displayId);
                    if (again instanceof DeviceReads.Own now) {
                        serve(exchange, route, now);
                    } else {
                        exchange.refuse(((DeviceReads.Refused) again).failure());
                    }
                }));
    }

    private void serve(Exchange exchange, PlayerPaths.Route route, DeviceReads.Own own) {
        if (route == PlayerPaths.Route.STREAM) {
            exchange.ctx.pipeline().remove(HttpRequestDecoder.class); // the connection is a stream from now on
            streams.open(exchange.ctx.channel(), own.device().displayId().value(), own.manifest().orElse(null),
                    exchange.header("Last-Event-ID"), own.device().generation());
            return;
        }
        ServedManifest manifest;
        try {
            manifest = own.manifestOr404();
        } catch (RuntimeException notFound) {
            exchange.refuse(notFound);
            return;
        }
        boolean unchanged = EntityTags.matches(exchange.header(HttpHeaderNames.IF_NONE_MATCH), manifest.etag());
        if (exchange.header(PositionGate.HEADER) != null) {
            exchange.write(EncodedManifests.waited(manifest, unchanged, !exchange.head));
            return;
        }
        EncodedManifests.Encoded answers = encoded.of(manifest);
        exchange.writeShared(unchanged ? answers.notModified() : exchange.head ? answers.head() : answers.ok());
    }

    /** One request and how to answer it. */
    private final class Exchange {

        final ChannelHandlerContext ctx;
        final HttpHeaders headers;
        final String path;
        final boolean head;
        boolean close;

        Exchange(ChannelHandlerContext ctx, HttpRequest request) {
            this.ctx = ctx;
            this.headers = request.headers();
            String uri = request.uri();
            int query = uri.indexOf('?');
            this.path = query < 0 ? uri : uri.substring(0, query);
            this.head = request.method().equals(HttpMethod.HEAD);
            this.close = !HttpUtil.isKeepAlive(request);
        }

        String header(CharSequence name) {
            return headers.get(name);
        }

        void refuse(RuntimeException failure) {
            write(problems.answer(failure, path, !head));
        }

        void write(byte[] response) {
            finish(ctx.writeAndFlush(Unpooled.wrappedBuffer(response)));
        }

        void writeShared(io.netty.buffer.ByteBuf response) {
            finish(ctx.writeAndFlush(response.duplicate(), close ? ctx.newPromise() : ctx.voidPromise()));
        }

        private void finish(io.netty.channel.ChannelFuture written) {
            if (close) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
