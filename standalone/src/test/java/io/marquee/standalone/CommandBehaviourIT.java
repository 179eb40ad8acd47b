package io.marquee.standalone;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every command has: Idempotency-Key, a body size limit, a position header. */
class CommandBehaviourIT extends SharedPlatform {

    static final int ONE_MIB = 1024 * 1024;

    @Test
    void a_retried_command_with_the_same_idempotency_key_returns_the_first_outcome_and_stores_nothing_new() {
        HttpProbe http = http();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Idempotent loop\"}";

        HttpProbe.Answer first = http.send("POST", "/api/playlists", body,
                "Content-Type", "application/json", "Idempotency-Key", key);
        long events = storedEvents();
        HttpProbe.Answer retry = http.send("POST", "/api/playlists", body,
                "Content-Type", "application/json", "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Marquee-Position")).isEqualTo(first.header("Marquee-Position"));
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void a_replayed_response_that_carried_a_secret_comes_back_without_its_body() {
        HttpProbe http = http();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Secret lobby\"}";

        HttpProbe.Answer first = http.send("POST", "/api/displays", body,
                "Content-Type", "application/json", "Idempotency-Key", key);
        HttpProbe.Answer retry = http.send("POST", "/api/displays", body,
                "Content-Type", "application/json", "Idempotency-Key", key);

        String token = first.json().get("deviceToken").asText();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.raw().body()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command_idempotency WHERE convert_from(body, 'UTF8') LIKE ?",
                Long.class, "%" + token + "%")).isZero();
    }

    @Test
    void concurrent_retries_with_one_key_run_the_command_once() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Raced loop\"}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpProbe.Answer>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> http().send("POST", "/api/playlists", body,
                        "Content-Type", "application/json", "Idempotency-Key", key));
            }
            List<HttpProbe.Answer> answers = new ArrayList<>();
            for (Future<HttpProbe.Answer> answer : pool.invokeAll(attempts)) {
                answers.add(answer.get());
            }
            // each attempt either ran, replayed the outcome, or was told the first is still in flight
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(201, 409));
            assertThat(answers.stream().filter(answer -> answer.status() == 201)
                    .map(answer -> answer.json().get("playlistId").asText()).distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_same_idempotency_key_on_a_different_request_is_refused() {
        HttpProbe http = http();
        String key = UUID.randomUUID().toString();
        http.send("POST", "/api/displays", "{\"name\":\"One\"}", "Content-Type", "application/json", "Idempotency-Key", key);

        HttpProbe.Answer other = http.send("POST", "/api/displays", "{\"name\":\"Another\"}",
                "Content-Type", "application/json", "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("rule").asText()).isEqualTo("idempotency-key-reused");
    }

    @Test
    void a_command_that_failed_with_its_key_is_answered_the_same_way_again() {
        HttpProbe http = http();
        String key = UUID.randomUUID().toString();
        String body = "{\"playlistId\":\"" + UUID.randomUUID() + "\"}";
        String path = "/api/displays/" + UUID.randomUUID() + "/playlist";

        HttpProbe.Answer first = http.send("PUT", path, body, "Content-Type", "application/json", "Idempotency-Key", key);
        HttpProbe.Answer retry = http.send("PUT", path, body, "Content-Type", "application/json", "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(404);
        assertThat(retry.status()).isEqualTo(404);
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
    }

    @Test
    void a_body_over_one_mebibyte_is_a_413_problem_whether_its_length_is_announced_or_not() throws Exception {
        byte[] huge = ("{\"name\":\"" + "x".repeat(ONE_MIB) + "\"}").getBytes();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/displays"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin().token());
        long before = storedEvents();

        HttpResponse<String> announced = client.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = client.send(request.POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(huge))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(announced.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("body-too-large");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
