package io.marquee.loadtests;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Scenario 7: opens {@code streams} manifest streams (server-sent events) on one query-api, reads the
 * platform's heap after a full GC before and after (by PID, with jcmd) for the heap per 1,000 streams,
 * then changes every streamed playlist (one added item each) and times, per stream, from its
 * playlist's command being sent to the stream's next {@code manifest} event.
 *
 * <p>The same change is made {@code warmups} times first, each awaited by every stream: the platform's
 * first fan-out of this size runs code its JIT has not compiled yet (on a one-core platform the compiler
 * takes the core from the fan-out), as the suite's other scenarios warm up before they measure. The first
 * change's figures are kept too ({@code first*}), for what a screen sees right after a start.
 *
 * <p>Usage: {@code SseFanOutProbe fleetDir [streams=10000] [platformPid=0 (no heap figure)] [streamBaseUrl]
 * [warmups=0]}: the streams are opened on {@code streamBaseUrl} (the player port) if given, else on the
 * fleet's API.
 */
public final class SseFanOutProbe {

    private static final long DEADLINE_MILLIS = 2_000;
    private static final String GENERATED_AT = "\"generatedAt\":\"";

    public static void main(String[] args) throws Exception {
        Fleet fleet = Fleet.load(Path.of(args[0]));
        int count = Results.intArg(args, 1, 10_000);
        long pid = args.length > 2 ? Long.parseLong(args[2]) : 0;
        String streamBase = args.length > 3 ? args[3] : fleet.baseUrl();
        long heapBefore = pid > 0 ? HeapProbe.usedAfterGcBytes(pid) : 0;
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            streams.add(Stream.open(streamBase, fleet.displays().get(i % fleet.displays().size())));
        }
        long openedBy = System.currentTimeMillis() + 120_000;
        while (streams.stream().anyMatch(s -> s.events.get() == 0 && !s.ended) && System.currentTimeMillis() < openedBy) {
            Thread.sleep(100);
        }
        long open = streams.stream().filter(s -> s.events.get() > 0 && !s.ended).count();
        Results results = new Results().put("streams", count).put("open", open).put("reconnects", Stream.RECONNECTS.get());
        if (open < count) {
            results.put("unopened", unopenedByCause(streams));
        }
        if (pid > 0) {
            long heapAfter = HeapProbe.usedAfterGcBytes(pid);
            // live heap after a full GC, before and after; small stream counts drown in other live-set changes
            results.put("heapBeforeMiB", heapBefore / 1048576.0).put("heapAfterMiB", heapAfter / 1048576.0)
                    .put("heapPer1000StreamsMiB", (heapAfter - heapBefore) / 1048576.0 / Math.max(1, open) * 1000);
        }
        int warmups = Results.intArg(args, 4, 0);
        Api admin = Api.admin(fleet);
        for (int round = 0; round < warmups; round++) {
            List<Double> delays = changeAndWait(admin, fleet, streams);
            if (round == 0) {
                Percentiles first = new Percentiles(delays);
                results.put("firstP50Ms", first.at(50)).put("firstMaxMs", first.at(100))
                        .put("firstReceivedWithin2s", withinDeadline(delays));
            }
        }
        List<Double> delays = changeAndWait(admin, fleet, streams);
        // where the measured change's time went: until the projections stored the manifest, then to the stream
        List<Double> toGenerated = new ArrayList<>(), toStream = new ArrayList<>();
        streams.stream().filter(s -> s.changedAt > 0 && s.generatedAt > 0).forEach(s -> {
            toGenerated.add((double) (s.generatedAt - s.sentAt));
            toStream.add((double) (s.changedAt - s.generatedAt));
        });
        new Percentiles(delays).into(results).put("warmups", warmups).put("receivedWithin2s", withinDeadline(delays))
                .put("sentToGeneratedP50Ms", new Percentiles(toGenerated).at(50))
                .put("generatedToStreamP50Ms", new Percentiles(toStream).at(50))
                .put("generatedToStreamP99Ms", new Percentiles(toStream).at(99)).save("sse");
        streams.forEach(Stream::close);
    }

    /** Why the streams that never got their first event did not: "cause=count; ...", most frequent first. */
    private static String unopenedByCause(List<Stream> streams) {
        Map<String, Long> causes = streams.stream().filter(s -> s.events.get() == 0 || s.ended)
                .collect(Collectors.groupingBy(Stream::endedBecause, Collectors.counting()));
        return causes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(cause -> cause.getKey() + "=" + cause.getValue()).collect(Collectors.joining("; "));
    }

    private static long withinDeadline(List<Double> delays) {
        return delays.stream().filter(d -> d <= DEADLINE_MILLIS).count();
    }

    /** One change of every streamed playlist; waits up to 10 s for every open stream and answers the delays seen. */
    private static List<Double> changeAndWait(Api admin, Fleet fleet, List<Stream> streams) throws Exception {
        streams.forEach(Stream::arm);
        Map<String, Long> sentAt = change(admin, fleet, streams);
        long waitUntil = System.currentTimeMillis() + 10_000;
        while (streams.stream().anyMatch(s -> s.changedAt == 0 && !s.ended) && System.currentTimeMillis() < waitUntil) {
            Thread.sleep(50);
        }
        List<Double> delays = new ArrayList<>();
        streams.forEach(s -> s.sentAt = sentAt.getOrDefault(s.playlistId, 0L));
        streams.stream().filter(s -> s.changedAt > 0).forEach(s -> delays.add((double) (s.changedAt - s.sentAt)));
        return delays;
    }

    /** Adds an item to every playlist a stream shows; answers when each command was sent. */
    private static Map<String, Long> change(Api admin, Fleet fleet, List<Stream> streams) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<String> playlists = streams.stream().map(s -> s.playlistId).distinct().toList();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            Seeder.all(pool, playlists.size(), i -> () -> {
                String playlist = playlists.get(i);
                sentAt.put(playlist, System.currentTimeMillis());
                return admin.expect(201, "POST", "/api/playlists/" + playlist + "/items",
                        "{\"contentId\":\"" + fleet.contents().get(i % fleet.contents().size()) + "\"}");
            });
        } finally {
            pool.shutdown();
        }
        return sentAt;
    }

    /** One stream: counts {@code manifest} events and notes when the first one after arming came. */
    private static final class Stream implements Flow.Subscriber<String> {
        static final int CONNECT_ATTEMPTS = 5;
        /** Connections tried again, every stream's together. */
        static final AtomicInteger RECONNECTS = new AtomicInteger();
        final AtomicInteger events = new AtomicInteger();
        final String playlistId;
        volatile boolean armed;
        volatile boolean ended;
        private String endedBecause;
        volatile long changedAt;
        /** When this change's command for the stream's playlist was sent. */
        long sentAt;
        /** The changed manifest's {@code generatedAt} (the projections stored it), 0 if unknown. */
        volatile long generatedAt;
        private volatile Flow.Subscription subscription;

        private Stream(String playlistId) {
            this.playlistId = playlistId;
        }

        void arm() {
            changedAt = 0;
            generatedAt = 0;
            armed = true;
        }

        static Stream open(String base, Fleet.Display display) {
            Stream stream = new Stream(display.playlistId());
            stream.connect(HttpRequest.newBuilder(URI.create(base + "/api/displays/" + display.id() + "/manifest/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + display.token())
                    .timeout(Duration.ofMinutes(10)).GET().build(), 1);
            return stream;
        }

        /**
         * Sends the stream's request; a connection that could not be made is tried again a second later, up to
         * {@link #CONNECT_ATTEMPTS} times, as a screen's player reconnects (10,000 connections at once overflow
         * a listening queue, and the SYNs the kernel dropped are resent only seconds later).
         */
        private void connect(HttpRequest request, int attempt) {
            Api.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(this))
                    .whenComplete((response, failure) -> {
                        if (failure == null) {
                            end(response.statusCode() != 200 ? "status " + response.statusCode() : "closed by the server");
                        } else if (subscription == null && connectFailed(failure) && attempt < CONNECT_ATTEMPTS) {
                            RECONNECTS.incrementAndGet();
                            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> connect(request, attempt + 1));
                        } else {
                            end(failure);
                        }
                    });
        }

        private static boolean connectFailed(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:") && line.contains("manifest")) {
                events.incrementAndGet();
                if (armed && changedAt == 0) {
                    changedAt = System.currentTimeMillis();
                    generatedAt = -1; // read from this event's data
                }
            } else if (generatedAt == -1 && line.startsWith("data:")) {
                int at = line.indexOf(GENERATED_AT);
                int end = at < 0 ? -1 : line.indexOf('"', at + GENERATED_AT.length());
                generatedAt = end < 0 ? 0 : Instant.parse(line.substring(at + GENERATED_AT.length(), end)).toEpochMilli();
            }
        }

        @Override
        public void onError(Throwable failure) {
            end(failure);
        }

        @Override
        public void onComplete() {
            end("closed by the server");
        }

        /** The failure's own class and message, and its root cause's class where it has one ("ConnectException < ClosedChannelException"). */
        private void end(Throwable failure) {
            Throwable outer = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            Throwable root = outer;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            end(outer.getClass().getSimpleName() + (outer.getMessage() == null ? "" : ": " + outer.getMessage())
                    + (root == outer ? "" : " < " + root.getClass().getSimpleName()));
        }

        /** Notes the first reason the stream ended; the later ones (the body's after the response's) say less. */
        private synchronized void end(String because) {
            if (endedBecause == null) {
                endedBecause = because;
            }
            ended = true;
        }

        synchronized String endedBecause() {
            return endedBecause != null ? endedBecause : "no event yet";
        }

        void close() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
