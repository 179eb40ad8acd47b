package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The player port (query-api's Netty listener) answers every player request exactly as the main port
 * does: the same status, the headers a player or a proxy reads, and the same body, errors included.
 */
class PlayerPortIT extends PlayerPlatform {

    /** The headers compared on every answer (Content-Length too, when there is a body). */
    private static final List<String> HEADERS = List.of("Content-Type", "ETag", "Cache-Control", "WWW-Authenticate",
            "Retry-After", "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection", "Pragma", "Expires");

    @Value("${local.marquee.player-port}")
    int playerPort;

    private HttpProbe playerPort() {
        return new HttpProbe(playerPort);
    }

    @Test
    void every_manifest_answer_and_error_is_the_main_ports() {
        // given a display with a manifest, another display of the same organization, and the first one's ETag
        Player player = playerShowing("https://cdn.example.com/same-on-both-ports.png");
        Player other = playerShowing("https://cdn.example.com/the-other.png");
        String etag = player.http().get(player.manifestPath()).header("ETag").orElseThrow();
        String token = "Bearer " + player.token();
        List<String[]> requests = new ArrayList<>(List.of(
                new String[]{"GET", player.manifestPath(), token},
                new String[]{"GET", player.manifestPath(), token, "If-None-Match", etag},
                new String[]{"GET", player.manifestPath(), token, "If-None-Match", "W/" + etag + ", \"other\""},
                new String[]{"GET", player.manifestPath(), token, "If-None-Match", "\"1-000000000000000000000000\""},
                new String[]{"GET", player.manifestPath(), null},
                new String[]{"GET", player.manifestPath(), "Bearer not.a.token"},
                new String[]{"GET", player.manifestPath(), "Bearer bad token"},
                new String[]{"GET", other.manifestPath(), token},
                new String[]{"GET", "/api/displays/" + UUID.randomUUID() + "/manifest", token},
                new String[]{"GET", "/api/displays/not-a-display/manifest", token},
                new String[]{"GET", other.manifestPath() + "/stream", token},
                new String[]{"GET", player.manifestPath(), token, "Marquee-Min-Position", "1"},
                new String[]{"GET", player.manifestPath(), token, "Marquee-Min-Position", "soon"}));

        for (String[] request : requests) {
            // when
            HttpProbe.Answer main = send(anonymous(), request);
            HttpProbe.Answer fast = send(playerPort(), request);

            // then
            assertSameAnswer(String.join(" ", request), main, fast);
        }
    }

    @Test
    void a_read_waiting_for_a_position_that_never_comes_gets_the_same_503() {
        // given
        Player player = playerShowing("https://cdn.example.com/never.png");
        String[] request = {"GET", player.manifestPath(), "Bearer " + player.token(), "Marquee-Min-Position", "999999999999"};

        // when
        HttpProbe.Answer main = send(anonymous(), request);
        HttpProbe.Answer fast = send(playerPort(), request);

        // then
        assertThat(fast.status()).isEqualTo(503);
        assertSameAnswer("never reached", main, fast);
    }

    @Test
    void a_rotated_token_is_refused_on_the_player_port_as_on_the_main_port() {
        // given
        Player player = playerShowing("https://cdn.example.com/rotated-player-port.png");
        HttpProbe device = playerPort().as(player.token());
        assertThat(device.get(player.manifestPath()).status()).isEqualTo(200);

        // when
        assertThat(http().post("/api/displays/" + player.displayId() + "/device-token", "").status()).isEqualTo(201);

        // then
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> device.get(player.manifestPath()).status() == 401);
        assertSameAnswer("rotated", player.http().get(player.manifestPath()), device.get(player.manifestPath()));
    }

    @Test
    void head_answers_the_get_headers_without_the_body_on_both_ports() {
        // given
        Player player = playerShowing("https://cdn.example.com/head.png");
        HttpProbe device = playerPort().as(player.token());

        // when
        HttpProbe.Answer get = device.get(player.manifestPath());
        HttpProbe.Answer head = device.send("HEAD", player.manifestPath(), "");
        HttpProbe.Answer mainPortHead = player.http().send("HEAD", player.manifestPath(), "");

        // then
        for (HttpProbe.Answer answer : List.of(head, mainPortHead)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.raw().body()).isEmpty();
            for (String header : List.of("ETag", "Cache-Control", "Content-Type", "Content-Length")) {
                assertThat(answer.header(header)).as(header).isEqualTo(get.header(header)).isPresent();
            }
        }
    }

    @Test
    void users_and_other_routes_get_a_problem_on_the_player_port() {
        // given
        Player player = playerShowing("https://cdn.example.com/users-elsewhere.png");

        // when
        HttpProbe.Answer user = playerPort().as(admin().token()).get(player.manifestPath());
        HttpProbe.Answer elsewhere = playerPort().as(player.token()).get("/api/displays/" + player.displayId() + "/heartbeat");
        HttpProbe.Answer post = playerPort().as(player.token()).post(player.manifestPath(), "{}");

        // then
        assertProblem(user, 403, "forbidden");
        assertProblem(elsewhere, 404, "not-found");
        assertProblem(post, 405, "method-not-allowed");
        assertThat(post.header("Allow")).contains("GET,HEAD");
    }

    @Test
    void a_stream_on_the_player_port_gets_the_same_events_and_ends_when_its_token_is_revoked() {
        // given two streams of the same display, one per port
        Player player = playerShowing("https://cdn.example.com/stream-before.png");
        try (SseClient main = SseClient.open(port, player.manifestPath() + "/stream", player.token());
             SseClient fast = SseClient.open(playerPort, player.manifestPath() + "/stream", player.token())) {
            soon().until(() -> main.events().size() == 1 && fast.events().size() == 1);
            assertThat(fast.status()).isEqualTo(200);
            assertThat(fast.contentType()).isEqualTo(main.contentType()).startsWith("text/event-stream");
            assertThat(fast.events()).isEqualTo(main.events());

            // when the display is given another playlist
            String playlist = createPlaylist(createContent("IMAGE", "https://cdn.example.com/stream-after.png"));
            http().put("/api/displays/" + player.displayId() + "/playlist", "{\"playlistId\":\"" + playlist + "\"}");

            // then both get the same new event, and keep-alive comments
            soon().until(() -> main.events().size() == 2 && fast.events().size() == 2);
            assertThat(fast.events()).isEqualTo(main.events());
            assertThat(fast.events().get(1).data()).contains("stream-after.png");
            soon().until(() -> fast.comments() >= 1);

            // when the token is rotated, then the stream ends
            http().post("/api/displays/" + player.displayId() + "/device-token", "");
            soon().until(fast::ended);
        }
    }

    private static HttpProbe.Answer send(HttpProbe server, String[] request) {
        List<String> headers = new ArrayList<>();
        if (request[2] != null) {
            headers.add("Authorization");
            headers.add(request[2]);
        }
        for (int i = 3; i < request.length; i++) {
            headers.add(request[i]);
        }
        return server.get(request[1], headers.toArray(String[]::new));
    }

    private static void assertSameAnswer(String what, HttpProbe.Answer main, HttpProbe.Answer fast) {
        assertThat(fast.status()).as(what + " status; main port body " + main.raw().body()).isEqualTo(main.status());
        for (String header : HEADERS) {
            assertThat(fast.header(header)).as(what + " " + header).isEqualTo(main.header(header));
        }
        if (main.raw().body().isEmpty()) {
            assertThat(fast.raw().body()).as(what + " body").isEmpty();
            return;
        }
        if (main.header("Content-Length").isPresent()) { // Tomcat streams its problems chunked
            assertThat(fast.header("Content-Length")).as(what + " Content-Length").isEqualTo(main.header("Content-Length"));
        }
        JsonNode mainBody = main.status() == 200 ? null : main.json();
        if (mainBody == null) {
            assertThat(fast.raw().body()).as(what + " body").isEqualTo(main.raw().body());
        } else {
            assertThat(fast.json()).as(what + " problem").isEqualTo(mainBody);
        }
    }
}
