package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "What did display X show at time T": after each command of a seeded random sequence, the live
 * manifest is recorded with the time; then the history, asked for each recorded instant, must give
 * exactly that manifest (same version, position and content; only generatedAt may differ, as the
 * projection stamps its own clock).
 */
class HistoryTimeTravelIT extends SharedPlatform {

    private static final int STEPS = 16;

    /** A live manifest (null once the display is decommissioned) and the instant it was seen. */
    private record Snapshot(Instant at, JsonNode manifest, String step) {
    }

    private final List<String> contents = new ArrayList<>();
    private final List<String> playlists = new ArrayList<>();
    private final List<String[]> items = new ArrayList<>(); // {playlistId, itemId}
    private final List<String> entries = new ArrayList<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private String display;
    private Random random;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 42, 2026})
    void the_manifest_at_any_past_instant_is_the_one_that_was_live_then(long seed) {
        // given a display, and a random sequence of commands, the live manifest recorded after each
        random = new Random(seed);
        display = createDisplay();
        observe("registered", null);
        contents.add(createContent("IMAGE", "https://cdn.example.com/tt-0.png"));
        playlists.add(createPlaylist(contents.get(0)));
        observe("assigned", http().put("/api/displays/" + display + "/playlist",
                "{\"playlistId\":\"" + playlists.get(0) + "\"}"));
        for (int step = 0; step < STEPS; step++) {
            randomCommand();
        }
        HttpProbe.Answer decommissioned = http().send("DELETE", "/api/displays/" + display, "");
        assertThat(decommissioned.status()).isEqualTo(204);
        snapshots.add(new Snapshot(settled(null, 404), null, "decommissioned"));

        assertThat(snapshots).as("enough accepted commands to tell something").hasSizeGreaterThan(6);
        assertThat(snapshots.stream().filter(snapshot -> snapshot.manifest() != null)
                .mapToLong(snapshot -> snapshot.manifest().get("version").asLong()).max().orElse(0)).isGreaterThan(3);

        // when the history is asked for each recorded instant, then it answers what was live
        for (Snapshot snapshot : snapshots) {
            HttpProbe.Answer replayed = http().get("/api/history/displays/" + display + "/manifest?at=" + snapshot.at());
            if (snapshot.manifest() == null) {
                assertProblem(replayed, 404, display);
                continue;
            }
            assertThat(replayed.status()).as(snapshot.step() + ": " + replayed.raw().body()).isEqualTo(200);
            ObjectNode history = (ObjectNode) replayed.json();
            List<Long> positions = new ArrayList<>();
            history.remove("positions").forEach(position -> positions.add(position.asLong()));
            assertThat(positions).as(snapshot.step()).isSorted().contains(snapshot.manifest().get("position").asLong());
            assertThat(withoutClock(history)).as(snapshot.step()).isEqualTo(withoutClock(snapshot.manifest()));
        }
    }

    private void randomCommand() {
        String playlist = pick(playlists);
        String content = pick(contents);
        switch (random.nextInt(12)) {
            case 0 -> contents.add(createContent(random.nextBoolean() ? "IMAGE" : "VIDEO",
                    "https://cdn.example.com/tt-" + random.nextInt(1000) + ".png"));
            case 1 -> observe("content updated", patch("/api/content/" + content, "{\"uri\":\"https://cdn.example.com/u-"
                    + random.nextInt(1000) + ".png\",\"defaultDurationSeconds\":" + (5 + random.nextInt(20))
                    + ",\"validFrom\":\"2026-0" + (1 + random.nextInt(9)) + "-01T00:00:00Z\"}"));
            case 2 -> observe("content archived", http().send("DELETE", "/api/content/" + content, ""));
            case 3 -> createPlaylistOf(content);
            case 4 -> observe("renamed", patch("/api/playlists/" + playlist, "{\"name\":\"Name " + random.nextInt(100) + "\"}"));
            case 5 -> addItem(playlist, content);
            case 6, 7 -> editItem();
            case 8 -> observe("assigned", http().put("/api/displays/" + display + "/playlist",
                    "{\"playlistId\":\"" + playlist + "\"}"));
            case 9 -> addScheduleEntry(playlist);
            case 10 -> removeSomething(playlist);
            default -> observe("display updated", patch("/api/displays/" + display,
                    "{\"timezone\":\"" + pick(List.of("Europe/Lisbon", "Asia/Tokyo", "America/Chicago")) + "\"}"));
        }
    }

    private void addItem(String playlist, String content) {
        HttpProbe.Answer added = http().post("/api/playlists/" + playlist + "/items", "{\"contentId\":\"" + content
                + "\",\"position\":" + random.nextInt(3) + (random.nextBoolean() ? "" : ",\"durationSeconds\":7") + "}");
        if (added.status() == 201) {
            items.add(new String[]{playlist, added.json().get("itemId").asText()});
        }
        observe("item added", added);
    }

    private void editItem() {
        if (items.isEmpty()) {
            return;
        }
        String[] item = pick(items);
        String path = "/api/playlists/" + item[0] + "/items/" + item[1];
        switch (random.nextInt(3)) {
            case 0 -> observe("item moved", patch(path, "{\"position\":" + random.nextInt(3) + "}"));
            case 1 -> observe("item duration", patch(path, "{\"durationSeconds\":" + (3 + random.nextInt(30)) + "}"));
            default -> {
                observe("item removed", http().send("DELETE", path, ""));
                items.remove(item);
            }
        }
    }

    private void addScheduleEntry(String playlist) {
        HttpProbe.Answer added = http().post("/api/displays/" + display + "/schedule", """
                {"playlistId":"%s","daysOfWeek":["MONDAY","FRIDAY"],"startTime":"0%d:00","endTime":"2%d:30","priority":%d}"""
                .formatted(playlist, random.nextInt(9), random.nextInt(4), random.nextInt(5)));
        if (added.status() == 201) {
            entries.add(added.json().get("entryId").asText());
        }
        observe("schedule entry added", added);
    }

    private void removeSomething(String playlist) {
        switch (random.nextInt(3)) {
            case 0 -> {
                if (!entries.isEmpty()) {
                    observe("schedule entry removed", http().send("DELETE",
                            "/api/displays/" + display + "/schedule/" + entries.remove(random.nextInt(entries.size())), ""));
                }
            }
            case 1 -> observe("unassigned", http().send("DELETE", "/api/displays/" + display + "/playlist", ""));
            default -> observe("playlist archived", http().send("DELETE", "/api/playlists/" + playlist, ""));
        }
    }

    /** Waits until the live manifest reflects the command (if it was accepted), then records it and the time. */
    private void observe(String step, HttpProbe.Answer command) {
        if (command != null && command.status() / 100 != 2) {
            return; // refused by the write side (e.g. archived content): nothing happened
        }
        AtomicReference<JsonNode> live = new AtomicReference<>();
        Instant at = settled(command, 200, live);
        snapshots.add(new Snapshot(at, live.get(), step));
    }

    private Instant settled(HttpProbe.Answer command, int status) {
        return settled(command, status, new AtomicReference<>());
    }

    /** Polls the live manifest until it answers the status with the same body twice in a row; then the time. */
    private Instant settled(HttpProbe.Answer command, int status, AtomicReference<JsonNode> live) {
        String[] headers = command == null ? new String[0]
                : new String[]{"Marquee-Min-Position", Long.toString(command.position())};
        AtomicReference<String> previous = new AtomicReference<>();
        HttpProbe.Answer settled = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(60))
                .until(() -> http().get("/api/displays/" + display + "/manifest", headers),
                        answer -> answer.status() == status
                                && answer.raw().body().equals(previous.getAndSet(answer.raw().body())));
        if (status == 200) {
            live.set(settled.json());
        }
        return Instant.now();
    }

    private void createPlaylistOf(String content) {
        HttpProbe.Answer created = http().post("/api/playlists",
                "{\"name\":\"Random\",\"items\":[{\"contentId\":\"" + content + "\"}]}");
        if (created.status() == 201) {
            playlists.add(created.json().get("playlistId").asText());
        }
    }

    private HttpProbe.Answer patch(String path, String json) {
        return http().send("PATCH", path, json, "Content-Type", "application/json");
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static JsonNode withoutClock(JsonNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        copy.remove("generatedAt");
        return copy;
    }
}
