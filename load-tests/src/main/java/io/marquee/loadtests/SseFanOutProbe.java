package io.marquee.loadtests;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 7: opens {@code streams} manifest streams (server-sent events) on one query-api, reads the
 * platform's heap after a full GC before and after (by PID, with jcmd) for the heap per 1,000 streams,
 * then changes every streamed playlist (one added item each) and times, per stream, from its
 * playlist's command being sent to the stream's next {@code manifest} event.
 *
 * <p>Usage: {@code SseFanOutProbe fleetDir [streams=10000] [platformPid=0 (no heap figure)] [streamBaseUrl]}:
 * the streams are opened on {@code streamBaseUrl} (the player port) if given, else on the fleet's API.
 */
public final class SseFanOutProbe {

    private static final long DEADLINE_MILLIS = 2_000;

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
        Results results = new Results().put("streams", count).put("open", open);
        if (pid > 0) {
            long heapAfter = HeapProbe.usedAfterGcBytes(pid);
            // live heap after a full GC, before and after; small stream counts drown in other live-set changes
            results.put("heapBeforeMiB", heapBefore / 1048576.0).put("heapAfterMiB", heapAfter / 1048576.0)
                    .put("heapPer1000StreamsMiB", (heapAfter - heapBefore) / 1048576.0 / Math.max(1, open) * 1000);
        }
        Map<String, Long> sentAt = change(Api.admin(fleet), fleet, streams);
        long waitUntil = System.currentTimeMillis() + 10_000;
        while (streams.stream().anyMatch(s -> s.changedAt == 0 && !s.ended) && System.currentTimeMillis() < waitUntil) {
            Thread.sleep(50);
        }
        List<Double> delays = new ArrayList<>();
        streams.stream().filter(s -> s.changedAt > 0).forEach(s -> delays.add((double) (s.changedAt - sentAt.get(s.playlistId))));
        long inTime = delays.stream().filter(d -> d <= DEADLINE_MILLIS).count();
        new Percentiles(delays).into(results).put("receivedWithin2s", inTime).save("sse");
        streams.forEach(Stream::close);
    }

    /** Adds an item to every playlist a stream shows; answers when each command was sent. */
    private static Map<String, Long> change(Api admin, Fleet fleet, List<Stream> streams) throws Exception {
        streams.forEach(s -> s.armed = true);
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
        final AtomicInteger events = new AtomicInteger();
        final String playlistId;
        volatile boolean armed;
        volatile boolean ended;
        volatile long changedAt;
        private volatile Flow.Subscription subscription;

        private Stream(String playlistId) {
            this.playlistId = playlistId;
        }

        static Stream open(String base, Fleet.Display display) {
            Stream stream = new Stream(display.playlistId());
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/displays/" + display.id() + "/manifest/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + display.token())
                    .timeout(Duration.ofMinutes(10)).GET().build();
            Api.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream))
                    .whenComplete((response, failure) -> stream.ended = true);
            return stream;
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
                }
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

        void close() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
