package io.marquee.loadtests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Seeds a realistic fleet through the public HTTP API, concurrently: one organization, its ADMIN,
 * content items, playlists of ten items each, and displays each showing one playlist; waits until
 * every display's manifest is served, then writes the {@link Fleet} files.
 *
 * <p>Usage: {@code Seeder baseUrl fleetDir [displays=10000] [playlists=200] [contents=2000] [concurrency=32]}
 */
public final class Seeder {

    private static final String PASSWORD = "load suite admin password";
    private static final int ITEMS_PER_PLAYLIST = 10;

    public static void main(String[] args) throws Exception {
        seed(args[0], Path.of(args[1]), Results.intArg(args, 2, 10_000), Results.intArg(args, 3, 200),
                Results.intArg(args, 4, 2_000), Results.intArg(args, 5, 32));
    }

    public static Fleet seed(String baseUrl, Path dir, int displays, int playlists, int contents, int concurrency)
            throws Exception {
        long started = System.nanoTime();
        String email = "load-" + UUID.randomUUID() + "@example.com";
        new Api(baseUrl, null).expect(201, "POST", "/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"displayName\":\"Load suite\",\"organizationName\":\"Load suite\"}");
        Fleet empty = new Fleet(baseUrl, email, PASSWORD, List.of(), List.of(), List.of());
        Api admin = Api.admin(empty);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<String> contentIds = all(pool, contents, i -> () -> admin.expect(201, "POST", "/api/content",
                    "{\"name\":\"Slide " + i + "\",\"type\":\"IMAGE\",\"uri\":\"https://cdn.example.com/campaign/slide-" + i
                            + ".png\",\"checksum\":\"sha256:" + String.format("%064d", i) + "\",\"sizeBytes\":" + (100_000 + i)
                            + "}").json().get("contentId").asText());
            List<String> playlistIds = all(pool, playlists, i -> () -> admin.expect(201, "POST", "/api/playlists",
                    "{\"name\":\"Campaign " + i + "\",\"items\":" + items(contentIds, i) + "}").json().get("playlistId").asText());
            List<Fleet.Display> fleet = all(pool, displays, i -> () -> display(admin, i, playlistIds.get(i % playlistIds.size())));
            List<Fleet.Display> served = all(pool, displays, i -> () -> awaitManifest(baseUrl, fleet.get(i)));
            Fleet seeded = new Fleet(baseUrl, email, PASSWORD, served, playlistIds, contentIds);
            seeded.save(dir);
            double seconds = (System.nanoTime() - started) / 1e9;
            int commands = contents + playlists + 2 * displays;
            new Results().put("displays", displays).put("playlists", playlists).put("contents", contents)
                    .put("seconds", seconds).put("commandsPerSecond", commands / seconds).save("seed");
            return seeded;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String items(List<String> contentIds, int playlist) {
        List<String> items = new ArrayList<>();
        for (int k = 0; k < ITEMS_PER_PLAYLIST; k++) {
            items.add("{\"contentId\":\"" + contentIds.get((playlist * ITEMS_PER_PLAYLIST + k) % contentIds.size()) + "\"}");
        }
        return "[" + String.join(",", items) + "]";
    }

    private static Fleet.Display display(Api admin, int i, String playlistId) {
        Api.Answer created = admin.expect(201, "POST", "/api/displays",
                "{\"name\":\"Screen " + i + "\",\"location\":\"Store " + (i / 10) + "\",\"timezone\":\"Europe/Paris\"}");
        String id = created.json().get("displayId").asText();
        admin.expect(200, "PUT", "/api/displays/" + id + "/playlist", "{\"playlistId\":\"" + playlistId + "\"}");
        return new Fleet.Display(id, created.json().get("deviceToken").asText(), playlistId, null);
    }

    /** Polls until the display's manifest names its playlist; the display then knows its ETag. */
    private static Fleet.Display awaitManifest(String baseUrl, Fleet.Display display) throws InterruptedException {
        Api device = new Api(baseUrl, display.token());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Api.Answer manifest = device.send("GET", "/api/displays/" + display.id() + "/manifest", null);
            if (manifest.status() == 200 && manifest.body().contains(display.playlistId())) {
                return new Fleet.Display(display.id(), display.token(), display.playlistId(), manifest.etag());
            }
            Thread.sleep(50); // a poll interval, not a synchronisation: the manifest is built asynchronously
        }
        throw new IllegalStateException("manifest of " + display.id() + " not served within 120 s");
    }

    /** Runs {@code count} tasks on the pool and returns their answers in order. */
    static <T> List<T> all(ExecutorService pool, int count, IntFunction<Callable<T>> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(task.apply(i)));
        }
        List<T> answers = new ArrayList<>(count);
        for (Future<T> future : futures) {
            answers.add(future.get());
        }
        return Collections.unmodifiableList(answers);
    }
}
