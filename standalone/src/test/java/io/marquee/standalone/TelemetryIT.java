package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.Topic;
import io.marquee.events.Topics;
import io.marquee.infra.runtime.SharedTestRuntime;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Heartbeats and proof of play: only the display itself reports, bad reports are 400, and they reach Kafka. */
class TelemetryIT extends PlayerPlatform {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_heartbeat_with_the_device_token_is_204_and_reaches_its_topic() {
        // given
        Player player = playerShowing("https://cdn.example.com/alive.png");
        String item = UUID.randomUUID().toString();

        // when
        HttpProbe.Answer answer = player.http().post(heartbeat(player),
                "{\"manifestVersion\":7,\"currentItemId\":\"" + item + "\"}");

        // then
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(204);
        JsonNode record = awaitRecord(Topics.DISPLAY_HEARTBEATS, player.displayId());
        assertThat(record.get("manifestVersion").asLong()).isEqualTo(7);
        assertThat(record.get("currentItemId").asText()).isEqualTo(item);
        assertThat(record.get("organizationId").asText()).isEqualTo(admin().organizationId());
        assertThat(record.get("receivedAt").asText()).isNotBlank();
    }

    @Test
    void plays_with_the_device_token_are_202_and_reach_their_topic() {
        // given
        Player player = playerShowing("https://cdn.example.com/played.png");

        // when
        HttpProbe.Answer answer = player.http().post(plays(player), "[" + play() + "," + play() + "]");

        // then
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
        JsonNode record = awaitRecord(Topics.PROOF_OF_PLAY, player.displayId());
        assertThat(record.get("plays")).hasSize(2);
        assertThat(record.get("reportId").asText()).isNotBlank();
        assertThat(record.get("plays").get(0).get("durationMs").asLong()).isEqualTo(10_000);
    }

    @Test
    void without_a_token_it_is_401_and_with_another_displays_or_a_users_token_404() {
        // given
        Player player = playerShowing("https://cdn.example.com/who.png");
        Player other = playerShowing("https://cdn.example.com/someone-else.png");
        String body = "{\"manifestVersion\":1}";

        // then
        assertThat(anonymous().post(heartbeat(player), body).status()).isEqualTo(401);
        assertProblem(other.http().post(heartbeat(player), body), 404, "not-found");
        assertProblem(http().post(heartbeat(player), body), 404, "not-found");
        assertProblem(other.http().post(plays(player), "[" + play() + "]"), 404, "not-found");
        assertThat(anonymous().post(plays(player), "[" + play() + "]").status()).isEqualTo(401);
    }

    @Test
    void bad_payloads_are_400_naming_the_field() {
        // given
        Player player = playerShowing("https://cdn.example.com/bad.png");

        // then
        assertProblem(player.http().post(heartbeat(player), "{}"), 400, "manifestVersion");
        assertProblem(player.http().post(heartbeat(player), "{\"manifestVersion\":\"x\"}"), 400, "manifestVersion");
        assertProblem(player.http().post(heartbeat(player), "not json"), 400, "malformed-body");
        assertProblem(player.http().post(plays(player), "[]"), 400, "plays");
        assertProblem(player.http().post(plays(player), "[" + play() + ",{\"itemId\":\"" + UUID.randomUUID() + "\"}]"),
                400, "[1].contentId");
        assertProblem(player.http().post(plays(player), "[{\"itemId\":\"nope\"}]"), 400, "[0].itemId");
        assertProblem(player.http().post(plays(player), "[" + play().replace("10000", "-1") + "]"), 400, "[0].durationMs");
    }

    @Test
    void more_than_a_thousand_plays_in_one_batch_is_413_and_a_thousand_is_fine() {
        // given
        Player player = playerShowing("https://cdn.example.com/many.png");
        List<String> thousand = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            thousand.add(play());
        }

        // then
        assertThat(player.http().post(plays(player), "[" + String.join(",", thousand) + "]").status()).isEqualTo(202);
        thousand.add(play());
        assertProblem(player.http().post(plays(player), "[" + String.join(",", thousand) + "]"), 413, "1000");
    }

    private static String heartbeat(Player player) {
        return "/api/displays/" + player.displayId() + "/heartbeat";
    }

    private static String plays(Player player) {
        return "/api/displays/" + player.displayId() + "/plays";
    }

    private static String play() {
        return """
                {"itemId":"%s","contentId":"%s","manifestVersion":3,"startedAt":"2026-11-27T10:00:00Z","durationMs":10000}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID());
    }

    private static JsonNode awaitRecord(Topic topic, String displayId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestRuntime.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "telemetry-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic.name()));
            List<JsonNode> found = new ArrayList<>();
            soon().pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (displayId.equals(record.key())) {
                        found.add(read(record.value()));
                    }
                }
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
