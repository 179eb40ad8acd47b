package io.marquee.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small server-sent-events client over java.net.http: the body is read line by line as it arrives
 * (asynchronously, no thread per stream), and every complete event is kept for assertions.
 */
final class SseClient implements AutoCloseable {

    record Event(String name, String id, String data) {
    }

    /** One client for many streams, over HTTP/1.1 like a player behind a proxy. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger comments = new AtomicInteger();
    private volatile int status;
    private volatile String contentType;
    private volatile boolean ended;
    private volatile Flow.Subscription subscription;

    private SseClient() {
    }

    static SseClient open(int port, String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        SseClient client = new SseClient();
        HTTP.sendAsync(request.build(), info -> {
            client.status = info.statusCode();
            client.contentType = info.headers().firstValue("Content-Type").orElse("");
            return HttpResponse.BodySubscribers.fromLineSubscriber(client.new Lines());
        }).whenComplete((response, failure) -> client.ended = true);
        return client;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    int comments() {
        return comments.get();
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    /** Parses the text/event-stream lines into events (name, id, data); comment lines are counted. */
    private final class Lines implements Flow.Subscriber<String> {

        private String name;
        private String id;
        private StringBuilder data;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            SseClient.this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(name, id, data.toString()));
                }
                name = null;
                id = null;
                data = null;
            } else if (line.startsWith(":")) {
                comments.incrementAndGet();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("data:")) {
                data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).stripLeading());
            }
        }

        @Override
        public void onError(Throwable failure) {
            ended = true;
        }

        @Override
        public void onComplete() {
            ended = true;
        }
    }
}
