package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.infra.runtime.LocalRuntime;
import io.marquee.infra.runtime.RuntimeProperties;
import io.marquee.infra.runtime.SharedTestRuntime;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform on the shared test runtime (real broker and database), for black-box tests over
 * HTTP. Every test class that extends this shares one Spring context: the configuration below is the
 * whole cache key, so keep subclasses free of their own context settings. Each test class gets an
 * organization of its own, whose ADMIN {@link #http()} acts as.
 */
// metrics export is off in tests unless asked for: the prometheus endpoint is part of what is tested
@AutoConfigureObservability
@SpringBootTest(classes = MarqueeStandalone.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SharedPlatform {

    /** One stored event of an aggregate: its Java type's simple name and its payload. */
    record StoredEvent(long sequence, String type, JsonNode payload) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Registering and logging in cost a BCrypt hash each: once per test class is enough. */
    private static final Map<Class<?>, TestAccounts.Session> ADMINS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        LocalRuntime runtime = SharedTestRuntime.get();
        RuntimeProperties.register(registry, runtime);
        registry.add("marquee.security.jwt.key-directory", () -> runtime.dataDir().resolve("keys").toString());
        // manifest streams send their keep-alive comment often enough for a test to see one
        registry.add("marquee.query.stream.heartbeat-interval", () -> "1s");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** Signs the class's ADMIN in before a test counts anything: registering stores events too. */
    @BeforeEach
    void signInTheAdmin() {
        admin();
    }

    /** A client without a token. */
    HttpProbe anonymous() {
        return new HttpProbe(port);
    }

    /** The ADMIN of this test class's organization. */
    TestAccounts.Session admin() {
        return ADMINS.computeIfAbsent(getClass(), type -> TestAccounts.registerOrganization(anonymous()));
    }

    /** A client acting as the ADMIN of this test class's organization. */
    HttpProbe http() {
        return admin().http();
    }

    /** Every event in the store; a refused command must leave it unchanged. */
    long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** The events of one aggregate, read back from the event store in sequence order. */
    List<StoredEvent> eventsOf(String aggregateId) {
        return jdbc.query("""
                        SELECT sequence_number, payload_type, payload FROM domain_event_entry
                        WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                (rs, row) -> new StoredEvent(rs.getLong(1),
                        rs.getString(2).substring(rs.getString(2).lastIndexOf('.') + 1), read(rs.getBytes(3))),
                aggregateId);
    }

    String createContent(String type, String uri) {
        HttpProbe.Answer answer = http().post("/api/content",
                "{\"name\":\"Content " + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"uri\":\"" + uri + "\"}");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json().get("contentId").asText();
    }

    String createPlaylist(String... contentIds) {
        StringBuilder items = new StringBuilder();
        for (String contentId : contentIds) {
            items.append(items.isEmpty() ? "" : ",").append("{\"contentId\":\"").append(contentId).append("\"}");
        }
        HttpProbe.Answer answer = http().post("/api/playlists", "{\"name\":\"Loop\",\"items\":[" + items + "]}");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json().get("playlistId").asText();
    }

    String createDisplay() {
        HttpProbe.Answer answer = http().post("/api/displays", "{\"name\":\"Display " + UUID.randomUUID() + "\"}");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json().get("displayId").asText();
    }

    JsonNode awaitManifest(String displayId, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    HttpProbe.Answer answer = http().get("/api/displays/" + displayId + "/manifest");
                    return answer.status() == 200 ? answer.json() : null;
                }, manifest -> manifest != null && until.test(manifest));
    }

    static void assertProblem(HttpProbe.Answer answer, int status, String named) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.raw().body()).contains(named);
    }

    private static JsonNode read(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
