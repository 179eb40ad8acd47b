package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.Topics;
import io.marquee.infra.runtime.LocalRuntime;
import io.marquee.infra.runtime.SharedTestRuntime;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * What the display integration tests share: one standalone platform (one Spring context for all of
 * them) on the shared broker and database, and ways to look at what it stored and published.
 */
abstract class DisplayPlatform extends SharedPlatform {

    record CreatedDisplay(String displayId, String deviceToken, HttpProbe.Answer answer) {
    }

    CreatedDisplay registerDisplay() {
        HttpProbe.Answer answer = http().post("/api/displays", "{\"name\":\"Display " + UUID.randomUUID() + "\"}");
        JsonNode body = answer.json();
        return new CreatedDisplay(body.get("displayId").asText(), body.get("deviceToken").asText(), answer);
    }

    /** Every stored event's payload and metadata, as text. */
    List<String> everyStoredEvent() {
        return jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8') || ' ' || coalesce(convert_from(meta_data, 'UTF8'), '')
                FROM domain_event_entry""", String.class);
    }

    /** The generation and SHA-256 (hex) of the display's current token row, or nothing. */
    List<Object> tokenRow(String displayId) {
        return jdbc.query("SELECT generation, token_sha256 FROM command_device_token WHERE display_id = ?",
                        (rs, n) -> List.<Object>of(rs.getLong(1), HexFormat.of().formatHex(rs.getBytes(2))),
                        UUID.fromString(displayId))
                .stream().findFirst().orElse(List.of());
    }

    long tokenRowsWithHashOf(String token) {
        return jdbc.queryForObject("SELECT count(*) FROM command_device_token WHERE token_sha256 = ?", Long.class,
                (Object) sha256(token));
    }

    /** How a token or its hash could show up in text: the token, its hash in hex, base64 and base64url. */
    static List<String> tracesOf(String token) {
        byte[] hash = sha256(token);
        return List.of(token, token.substring(token.lastIndexOf('.') + 1), HexFormat.of().formatHex(hash),
                Base64.getEncoder().encodeToString(hash), Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
    }

    static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@code marquee.events} from the start until the aggregate's relayed envelopes satisfy {@code until}. */
    List<JsonNode> awaitRelayed(String aggregateId, Predicate<List<JsonNode>> until) {
        List<JsonNode> envelopes = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestRuntime.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "display-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(Topics.EVENTS.name()));
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode envelope = read(json, record.value());
                    if (envelope.path("aggregateId").asText().equals(aggregateId)) {
                        envelopes.add(envelope);
                    }
                }
                return until.test(envelopes);
            });
        }
        return envelopes;
    }

    static long countOfType(List<JsonNode> envelopes, String type) {
        return envelopes.stream().filter(envelope -> envelope.get("type").asText().equals(type)).count();
    }

    private static JsonNode read(ObjectMapper json, byte[] value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("the relay wrote something that is not JSON", e);
        }
    }
}
