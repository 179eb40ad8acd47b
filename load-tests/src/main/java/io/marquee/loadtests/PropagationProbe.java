package io.marquee.loadtests;

import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 4: at {@code rate} commands per second, switches a display to another playlist and times
 * from the command's 200 to query-api serving the manifest that names the new playlist. Each display
 * has at most one change in flight.
 *
 * <p>How "served" is seen: right after the 200, one manifest GET (the display's own token) carrying the
 * product's read-your-writes header {@code Marquee-Min-Position} with the command's
 * {@code Marquee-Position}. query-api holds that request, without a thread, until the new manifest is
 * there and answers it at once, so the figure is "command accepted -> new manifest served" to the
 * millisecond, at one request per sample. (It used to poll every 5 ms per sample: about 2,000
 * requests/s on the platform's own core at 100 commands/s, which slowed what it measured, and up to
 * 5 ms late.) A 503 (not there within query-api's wait) or an answer without the new playlist is asked
 * again until 10 s have passed; then the sample counts as a failure.
 *
 * <p>Usage: {@code PropagationProbe fleetDir [rate=100] [samples=1000] [readBaseUrl=the fleet's API]}:
 * the manifests are read on {@code readBaseUrl} (e.g. the player port) if given.
 */
public final class PropagationProbe {

    private static final long TIMEOUT_NANOS = 10_000_000_000L;

    public static void main(String[] args) throws Exception {
        Fleet fleet = Fleet.load(Path.of(args[0]));
        int rate = Results.intArg(args, 1, 100);
        int samples = Results.intArg(args, 2, 1000);
        Queue<Double> delays = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        String readBase = args.length > 3 ? args[3] : fleet.baseUrl();
        Api admin = Api.admin(fleet);
        double seconds = Math.max(1e-3, OpenLoop.run(rate, samples, n -> {
            Fleet.Display display = fleet.displays().get(n % fleet.displays().size());
            measure(admin, new Api(readBase, display.token()), display, fleet.playlists(), delays, failures);
        }));
        new Percentiles(delays).into(new Results()).put("failures", failures.get()).put("commandsPerSecond", (samples - 1) / seconds)
                .save("propagation");
    }

    private static void measure(Api admin, Api device, Fleet.Display display, List<String> playlists,
                                Queue<Double> delays, AtomicInteger failures) {
        try {
            String manifestPath = "/api/displays/" + display.id() + "/manifest";
            // the next playlist after the one it shows now (an earlier run on the same fleet may have switched it)
            String showing = device.expect(200, "GET", manifestPath, null).json().path("defaultPlaylist").path("playlistId").asText();
            String target = playlists.get((playlists.indexOf(showing) + 1) % playlists.size());
            Api.Answer command = admin.expect(200, "PUT", "/api/displays/" + display.id() + "/playlist",
                    "{\"playlistId\":\"" + target + "\"}");
            long accepted = System.nanoTime();
            while (System.nanoTime() - accepted < TIMEOUT_NANOS) {
                Api.Answer manifest = device.send("GET", manifestPath, null, "Marquee-Min-Position", command.position());
                if (manifest.status() == 200 && manifest.body().contains(target)) {
                    delays.add((System.nanoTime() - accepted) / 1e6);
                    return;
                }
                if (manifest.status() == 200) {
                    Thread.sleep(5); // answered but without the change (not expected): do not spin
                }
            }
            failures.incrementAndGet();
        } catch (Exception e) {
            failures.incrementAndGet();
            System.err.println("propagation sample failed: " + e);
        }
    }
}
