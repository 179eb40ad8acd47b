package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.projections.rebuild.ProjectionRebuilds;
import io.marquee.projections.rebuild.RebuildProgress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the manifests' read models on the running platform: players polling their manifests (with
 * ETags) get only 200 or 304 and never an older version, throughout the rebuild and its switch, and the
 * manifests after it are the very same.
 */
class RebuildIT extends SharedPlatform {

    @Autowired
    ProjectionRebuilds rebuilds;

    @Test
    void players_are_served_throughout_a_rebuild_and_its_switch_and_get_identical_manifests_after_it() throws Exception {
        // given displays showing a playlist, and players polling their manifests
        String playlist = createPlaylist(createContent("IMAGE", "https://cdn.example.com/rebuild.png"));
        List<String> displays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String display = createDisplay();
            http().put("/api/displays/" + display + "/playlist", "{\"playlistId\":\"" + playlist + "\"}");
            displays.add(display);
        }
        Map<String, JsonNode> before = new LinkedHashMap<>();
        displays.forEach(display -> before.put(display,
                awaitManifest(display, manifest -> manifest.path("defaultPlaylist").path("playlistId").asText().equals(playlist))));
        Players players = new Players(displays);
        CompletableFuture<Void> polling = CompletableFuture.runAsync(players::poll);
        await().atMost(Duration.ofSeconds(30)).until(() -> players.answers.get() >= 50);

        // when the manifests projection is rebuilt while an admin keeps writing
        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 5; i++) {
                createPlaylist(createContent("IMAGE", "https://cdn.example.com/other-" + i + ".png"));
            }
        });
        List<RebuildProgress> reports = new CopyOnWriteArrayList<>();
        var outcome = rebuilds.rebuild(rebuilds.projection("manifests"),
                ProjectionRebuilds.Options.reportingTo(reports::add, Duration.ofMillis(200)).inBatchesOf(100));
        writes.get();
        long answersAtSwitch = players.answers.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> players.answers.get() >= answersAtSwitch + 50);
        players.stop.set(true);
        polling.get();

        // then every read was a 200 or 304 that never went back, and the manifests are unchanged
        assertThat(outcome).isEqualTo(ProjectionRebuilds.Outcome.SWITCHED);
        assertThat(players.failures).isEmpty();
        for (String display : displays) {
            JsonNode after = http().get("/api/displays/" + display + "/manifest").json();
            assertThat(after).isEqualTo(before.get(display));
        }
        assertThat(reports).isNotEmpty();
    }

    /** Players polling like the real ones, with If-None-Match; bounded to two minutes. */
    private final class Players {
        final List<String> displays;
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicLong answers = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        final Map<String, String> etags = new ConcurrentHashMap<>();
        final Map<String, Long> versions = new ConcurrentHashMap<>();

        Players(List<String> displays) {
            this.displays = displays;
        }

        void poll() {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!stop.get() && System.nanoTime() < deadline) {
                for (String display : displays) {
                    String path = "/api/displays/" + display + "/manifest";
                    String etag = etags.get(display);
                    HttpProbe.Answer answer = etag == null ? http().get(path) : http().get(path, "If-None-Match", etag);
                    answers.incrementAndGet();
                    if (answer.status() == 200) {
                        answer.header("ETag").ifPresent(tag -> etags.put(display, tag));
                        long version = answer.json().get("version").asLong();
                        Long previous = versions.put(display, version);
                        if (previous != null && version < previous) {
                            failures.add(display + " went back from version " + previous + " to " + version);
                        }
                    } else if (answer.status() != 304) {
                        failures.add(display + " answered " + answer.status() + ": " + answer.raw().body());
                    }
                }
            }
        }
    }
}
