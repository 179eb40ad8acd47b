package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.Topics;
import io.marquee.infra.runtime.LocalRuntime;
import io.marquee.infra.runtime.RuntimeProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accepted commands are never lost when Kafka is down: they are stored, and the relay delivers every
 * one of them once the broker is back. Runs on a runtime of its own, since it stops the broker.
 */
@SpringBootTest(classes = MarqueeStandalone.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayOutageIT {

    static final int COMMANDS_DURING_OUTAGE = 25;
    static final LocalRuntime runtime = LocalRuntime.startTemporary();

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        RuntimeProperties.register(registry, runtime);
        registry.add("marquee.security.jwt.key-directory", () -> runtime.dataDir().resolve("keys").toString());
    }

    @AfterAll
    static void closeRuntime() {
        runtime.close();
    }

    @LocalServerPort
    int port;

    @Test
    void commands_accepted_while_the_broker_is_down_all_reach_kafka_once_it_is_back() {
        HttpProbe http = TestAccounts.registerOrganization(new HttpProbe(port)).http();
        // given the platform relaying normally
        String before = http.post("/api/playlists", "{\"name\":\"before the outage\"}").json().get("playlistId").asText();
        awaitRelayed(Set.of(before));

        // when the broker goes down and commands keep coming
        runtime.kafka().stop();
        Set<String> acceptedDuringOutage = new HashSet<>();
        for (int i = 0; i < COMMANDS_DURING_OUTAGE; i++) {
            HttpProbe.Answer answer = http.post("/api/playlists", "{\"name\":\"during outage " + i + "\"}");
            assertThat(answer.status()).as("command %d during the outage", i).isEqualTo(201);
            acceptedDuringOutage.add(answer.json().get("playlistId").asText());
        }

        // then, once the broker is back, every one of them is on the topic exactly as stored
        runtime.kafka().restart();
        Map<String, Integer> relayed = awaitRelayed(acceptedDuringOutage);
        assertThat(relayed.keySet()).containsAll(acceptedDuringOutage);
        assertThat(relayed.values()).as("one PlaylistCreated event per playlist").containsOnly(1);
        assertThat(relayed).hasSize(COMMANDS_DURING_OUTAGE);
    }

    /** Reads the whole event topic until every given aggregate has an event there; counts events per aggregate. */
    private Map<String, Integer> awaitRelayed(Set<String> aggregateIds) {
        Map<String, Set<String>> eventIdsByAggregate = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-outage-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(Topics.EVENTS.name()));
            await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode envelope = read(json, record.value());
                    eventIdsByAggregate.computeIfAbsent(envelope.get("aggregateId").asText(), id -> new HashSet<>())
                            .add(envelope.get("eventId").asText());
                }
                return eventIdsByAggregate.keySet().containsAll(aggregateIds);
            });
        }
        Map<String, Integer> distinctEvents = new HashMap<>();
        aggregateIds.forEach(id -> distinctEvents.put(id, eventIdsByAggregate.get(id).size()));
        return distinctEvents;
    }

    private static JsonNode read(ObjectMapper json, byte[] value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new AssertionError("the relay wrote something that is not JSON", e);
        }
    }
}
