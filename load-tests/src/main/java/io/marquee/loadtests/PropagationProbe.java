package io.marquee.loadtests;

import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 4: at {@code rate} commands per second, switches a display to another playlist and times
 * from the command's 200 to the first manifest read (with the last ETag, every 5 ms, as a fast
 * player would) that names the new playlist. Each display has at most one change in flight.
 *
 * <p>Usage: {@code PropagationProbe fleetDir [rate=100] [samples=1000]}
 */
public final class PropagationProbe {

    private static final long TIMEOUT_NANOS = 10_000_000_000L;

    public static void main(String[] args) throws Exception {
        Fleet fleet = Fleet.load(Path.of(args[0]));
        int rate = Results.intArg(args, 1, 100);
        int samples = Results.intArg(args, 2, 1000);
        Queue<Double> delays = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        Api admin = Api.admin(fleet);
        Map<String, String> showing = new ConcurrentHashMap<>();
        fleet.displays().forEach(d -> showing.put(d.id(), d.playlistId()));
        // unbounded: a slow platform must not turn this open-model probe into a closed loop
        ExecutorService workers = Executors.newCachedThreadPool();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastIssued = new AtomicLong();
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n < samples) {
                Fleet.Display display = fleet.displays().get(n % fleet.displays().size());
                String target = fleet.playlists().get((fleet.playlists().indexOf(showing.get(display.id())) + 1) % fleet.playlists().size());
                workers.submit(() -> measure(admin, display, target, showing, delays, failures));
                lastIssued.set(System.nanoTime());
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        while (next.get() < samples) {
            Thread.sleep(100);
        }
        ticker.shutdown();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        // the rate the commands were issued at (the first at time 0), not counting the last ones' wait
        double seconds = Math.max(1e-3, (lastIssued.get() - started) / 1e9);
        new Percentiles(delays).into(new Results()).put("failures", failures.get()).put("commandsPerSecond", (samples - 1) / seconds)
                .save("propagation");
    }

    private static void measure(Api admin, Fleet.Display display, String target, Map<String, String> showing,
                                Queue<Double> delays, AtomicInteger failures) {
        try {
            admin.expect(200, "PUT", "/api/displays/" + display.id() + "/playlist", "{\"playlistId\":\"" + target + "\"}");
            long accepted = System.nanoTime();
            Api device = new Api(admin.base(), display.token());
            String etag = "\"none\"";
            while (System.nanoTime() - accepted < TIMEOUT_NANOS) {
                Api.Answer manifest = device.send("GET", "/api/displays/" + display.id() + "/manifest", null, "If-None-Match", etag);
                if (manifest.status() == 200) {
                    etag = manifest.etag();
                    if (manifest.body().contains(target)) {
                        delays.add((System.nanoTime() - accepted) / 1e6);
                        showing.put(display.id(), target);
                        return;
                    }
                }
                Thread.sleep(5); // the player's poll interval in this probe
            }
            failures.incrementAndGet();
        } catch (Exception e) {
            failures.incrementAndGet();
            System.err.println("propagation sample failed: " + e);
        }
    }
}
