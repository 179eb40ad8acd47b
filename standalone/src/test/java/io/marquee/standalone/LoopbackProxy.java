package io.marquee.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.awaitility.Awaitility.await;

/**
 * A reverse proxy on 127.0.0.1 in front of the platform, which a test can take down and bring back
 * on the same port: to a browser that loaded its page through it, the platform looks unreachable
 * (connections refused, open streams cut) while the platform itself keeps running. Responses are
 * copied as they arrive, so an event stream passes through unbuffered.
 */
final class LoopbackProxy implements AutoCloseable {

    /** Hop-by-hop headers, and those the JDK client sets itself and refuses to be given. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection", "content-length", "expect", "host", "upgrade", "keep-alive", "transfer-encoding");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int targetPort;
    private int port;
    private HttpServer server;
    private ExecutorService handlers;

    private LoopbackProxy(int targetPort) {
        this.targetPort = targetPort;
    }

    /** A proxy to the platform on this port, up on a free port of its own. */
    static LoopbackProxy to(int targetPort) {
        LoopbackProxy proxy = new LoopbackProxy(targetPort);
        proxy.bind(0);
        proxy.port = proxy.server.getAddress().getPort();
        return proxy;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops listening and cuts every open connection. */
    void down() {
        server.stop(0);
        handlers.shutdownNow();
        server = null;
    }

    /** Listens again on the same port (retrying while the old socket is released). */
    LoopbackProxy up() {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            bind(port);
            return true;
        });
        return this;
    }

    @Override
    public void close() {
        if (server != null) {
            down();
        }
    }

    private void bind(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
            created.createContext("/", this::forward);
            // One thread per exchange: a long-lived event stream must not block the other requests.
            handlers = Executors.newCachedThreadPool();
            created.setExecutor(handlers);
            created.start();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpResponse<InputStream> response = client.send(request(exchange), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            boolean bodiless = response.statusCode() == 204 || response.statusCode() == 304
                    || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), bodiless ? -1 : 0);
            try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                byte[] buffer = new byte[8192];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, read);
                    out.flush(); // each event of a stream reaches the browser as soon as it arrives
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest request(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + targetPort + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }
}
