package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice end to end through the real broker and database: commands are stored, relayed to Kafka,
 * projected, published as manifests and served from memory.
 */
class PlatformIT extends SharedPlatform {

    @Test
    void a_playlist_assigned_to_a_display_shows_up_in_the_displays_manifest() {
        // given a display, and a playlist of two content items
        HttpProbe.Answer display = http().post("/api/displays", """
                {"name":"Lobby east","location":"Building A","timezone":"Europe/Paris","tags":["lobby"]}""");
        assertThat(display.status()).isEqualTo(201);
        String displayId = display.json().get("displayId").asText();
        String welcome = createContent("IMAGE", "https://cdn.example.com/welcome.png");
        String menu = createContent("VIDEO", "https://cdn.example.com/menu.mp4");
        HttpProbe.Answer playlist = http().post("/api/playlists", """
                {"name":"Morning","items":[{"contentId":"%s","durationSeconds":5},{"contentId":"%s"}]}"""
                .formatted(welcome, menu));
        assertThat(playlist.status()).isEqualTo(201);
        String playlistId = playlist.json().get("playlistId").asText();

        // when the playlist is assigned
        HttpProbe.Answer assigned = http().put("/api/displays/" + displayId + "/playlist",
                "{\"playlistId\":\"" + playlistId + "\"}");

        // then the manifest shows it, at or after the assignment's position
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.position()).isGreaterThan(playlist.position()).isGreaterThan(display.position());
        JsonNode manifest = awaitManifest(displayId, m -> m.path("defaultPlaylist").path("playlistId").asText().equals(playlistId));
        assertThat(manifest.get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(manifest.get("position").asLong()).isGreaterThanOrEqualTo(assigned.position());
        JsonNode items = manifest.get("defaultPlaylist").get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("uri").asText()).isEqualTo("https://cdn.example.com/welcome.png");
        assertThat(items.get(0).get("contentId").asText()).isEqualTo(welcome);
        assertThat(items.get(0).get("type").asText()).isEqualTo("IMAGE");
        assertThat(items.get(0).get("durationSeconds").asInt()).isEqualTo(5);
        assertThat(items.get(1).get("type").asText()).isEqualTo("VIDEO");
        assertThat(items.get(1).get("durationSeconds").asInt()).isEqualTo(10);
    }

    @Test
    void unassigning_publishes_a_newer_manifest_without_a_playlist() {
        String displayId = createDisplay();
        String playlistId = createPlaylist(createContent("IMAGE", "https://cdn.example.com/a.png"));
        http().put("/api/displays/" + displayId + "/playlist", "{\"playlistId\":\"" + playlistId + "\"}");
        long assignedVersion = awaitManifest(displayId, m -> m.path("defaultPlaylist").isObject()).get("version").asLong();

        HttpProbe.Answer unassigned = http().send("DELETE", "/api/displays/" + displayId + "/playlist", "");

        assertThat(unassigned.status()).isEqualTo(204);
        JsonNode manifest = awaitManifest(displayId, m -> m.path("defaultPlaylist").isNull());
        assertThat(manifest.get("version").asLong()).isEqualTo(assignedVersion + 1);
    }

    @Test
    void a_manifest_read_with_its_etag_answers_304_without_a_body() {
        String displayId = createDisplay();
        awaitManifest(displayId, m -> true);
        HttpProbe.Answer first = http().get("/api/displays/" + displayId + "/manifest");
        String etag = first.header("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"");

        HttpProbe.Answer again = http().get("/api/displays/" + displayId + "/manifest", "If-None-Match", etag);
        HttpProbe.Answer stale = http().get("/api/displays/" + displayId + "/manifest", "If-None-Match", "\"0-stale\"");

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.raw().body()).isEmpty();
        assertThat(again.header("ETag")).contains(etag);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.raw().body()).isEqualTo(first.raw().body());
    }

    @Test
    void the_manifest_of_an_unknown_display_is_a_404_problem() {
        HttpProbe.Answer answer = http().get("/api/displays/" + UUID.randomUUID() + "/manifest");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void assigning_an_unknown_playlist_is_a_404_and_stores_nothing() {
        String displayId = createDisplay();
        long before = storedEvents();

        HttpProbe.Answer answer = http().put("/api/displays/" + displayId + "/playlist",
                "{\"playlistId\":\"" + UUID.randomUUID() + "\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("detail").asText()).contains("Playlist");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void commanding_an_unknown_display_is_a_404() {
        HttpProbe.Answer answer = http().put("/api/displays/" + UUID.randomUUID() + "/playlist",
                "{\"playlistId\":\"" + createPlaylist() + "\"}");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("status").asInt()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} {1} with {2} -> {3} naming {4}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /api/displays  | {bad                                   | 400 | body
            POST | /api/displays  | {}                                     | 400 | name
            POST | /api/displays  | {"name":"x","colour":"red"}            | 400 | colour
            POST | /api/displays  | {"name":"x","tags":"lobby"}            | 400 | tags
            POST | /api/displays  | {"name":"x","timezone":"Mars/Olympus"} | 422 | display-timezone-iana
            PUT  | /api/displays/not-a-uuid/playlist | {"playlistId":"00000000-0000-0000-0000-000000000001"} | 400 | displayId
            PUT  | /api/displays/00000000-0000-0000-0000-000000000001/playlist | {"playlistId":"nope"} | 400 | playlistId
            PUT  | /api/displays/00000000-0000-0000-0000-000000000001/playlist | {} | 400 | playlistId
            """)
    void bad_input_is_a_problem_naming_the_field_or_rule_and_stores_nothing(
            String method, String path, String body, int status, String named) {
        long before = storedEvents();

        HttpProbe.Answer answer = http().send(method, path, body, "Content-Type", "application/json");

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.raw().body()).contains(named);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_body_that_is_not_json_is_a_415_problem() {
        HttpProbe.Answer answer = http().send("POST", "/api/displays", "name=x", "Content-Type", "text/plain");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void health_has_liveness_and_readiness_groups_and_prometheus_has_http_histograms() {
        assertThat(http().get("/actuator/health/liveness").status()).isEqualTo(200);
        HttpProbe.Answer readiness = http().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").fieldNames()).toIterable()
                .contains("db", "kafka", "manifestView", "projections");
        http().get("/api/displays/" + UUID.randomUUID() + "/manifest");
        String metrics = http().get("/actuator/prometheus").raw().body();
        assertThat(metrics).contains("http_server_requests_seconds_bucket", "hikaricp_connections_active",
                "kafka_consumer_fetch_manager_records_consumed_total");
    }
}
