package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.command.transfer.HistoryImport;
import io.marquee.command.transfer.ImportRefusedException;
import io.marquee.infra.runtime.EmbeddedKafkaBroker;
import io.marquee.infra.runtime.LocalRuntime;
import io.marquee.infra.runtime.SharedTestRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An organization's history out of this installation ({@code GET /api/history/export}) and, with the
 * standalone jar's {@code import} command, into an empty one: a second installation on its own
 * database (on the shared PostgreSQL server) and its own Kafka broker, sharing only the token keys.
 */
class HistoryTransferIT extends SharedPlatform {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Autowired
    HistoryImport historyImport;

    @Test
    void an_organization_imported_into_an_empty_installation_has_the_same_history_and_manifests() throws Exception {
        // given an organization with content, playlists, displays, assignments and a schedule
        Map<String, JsonNode> manifests = buildAnOrganization();
        String export = exportOf(port, admin().token());
        Path file = temp.resolve("history.ndjson.gz");
        Files.write(file, gzipExportOf(port, admin().token()));

        // when the standalone jar imports it into an empty installation, which then starts
        LocalRuntime shared = SharedTestRuntime.get();
        String database = "import_" + UUID.randomUUID().toString().replace("-", "");
        shared.postgres().ensureDatabase(database);
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(temp.resolve("kafka"), 0)) {
            List<String> settings = List.of(
                    "--marquee.db.url=" + shared.postgres().jdbcUrl(database),
                    "--marquee.db.username=" + shared.username(), "--marquee.db.password=" + shared.password(),
                    "--marquee.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--marquee.security.jwt.key-directory=" + shared.dataDir().resolve("keys"),
                    "--marquee.data-dir=" + temp.resolve("data"));
            List<String> importArgs = new ArrayList<>(List.of("import", "--in", file.toString()));
            importArgs.addAll(settings);
            assertThat(StandaloneCommands.dispatch(importArgs.toArray(String[]::new))).isZero();

            List<String> startArgs = new ArrayList<>(settings);
            startArgs.add("--server.port=0");
            try (ConfigurableApplicationContext imported = StandaloneLauncher.launch(startArgs.toArray(String[]::new))) {
                int importedPort = imported.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

                // then every event is there as it was (ids, sequences, positions, times, actors), and so are the manifests
                assertThat(exportOf(importedPort, admin().token())).isEqualTo(export);
                HttpProbe there = new HttpProbe(importedPort).as(admin().token());
                manifests.forEach((displayId, expected) -> assertThat(awaitManifest(there, displayId, expected))
                        .isEqualTo(playable(expected)));

                // and imported users log in once their credentials are copied over, and can rotate a device token
                HttpProbe anonymousThere = new HttpProbe(importedPort);
                assertThat(TestAccounts.login(anonymousThere, admin().email(), admin().password()).status()).isEqualTo(401);
                copyCredentials(imported.getBean(JdbcTemplate.class));
                String token = TestAccounts.login(anonymousThere, admin().email(), admin().password())
                        .json().get("accessToken").asText();
                String display = manifests.keySet().iterator().next();
                HttpProbe.Answer rotated = anonymousThere.as(token).post("/api/displays/" + display + "/device-token", "");
                assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(201);
            }
        }
    }

    @Test
    void the_export_is_this_organizations_events_in_position_order_and_gzip_gives_the_same_lines() throws Exception {
        // given
        createDisplay();

        // when
        String export = exportOf(port, admin().token());
        byte[] gzip = gzipExportOf(port, admin().token());

        // then
        List<JsonNode> lines = export.lines().map(HistoryTransferIT::read).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line ->
                assertThat(line.get("organizationId").asText()).isEqualTo(admin().organizationId()));
        assertThat(lines.get(0).get("type").asText()).isEqualTo("OrganizationRegistered");
        assertThat(lines).extracting(line -> line.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(export);
    }

    @Test
    void an_analyst_may_export_and_an_editor_or_a_viewer_may_not() {
        // given
        TestAccounts.Session analyst = TestAccounts.addUser(admin(), "ANALYST");
        TestAccounts.Session editor = TestAccounts.addUser(admin(), "EDITOR");
        TestAccounts.Session viewer = TestAccounts.addUser(admin(), "VIEWER");

        // when / then
        assertThat(analyst.http().get("/api/history/export").status()).isEqualTo(200);
        assertProblem(editor.http().get("/api/history/export"), 403, "403");
        assertProblem(viewer.http().get("/api/history/export"), 403, "403");
        assertThat(anonymous().get("/api/history/export").status()).isEqualTo(401);
    }

    @Test
    void importing_a_history_this_installation_already_has_is_refused_and_stores_nothing() {
        // given
        createDisplay();
        String export = exportOf(port, admin().token());
        long before = storedEvents();

        // when / then
        assertThatThrownBy(() -> historyImport.importFrom(new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining(admin().organizationId())
                .hasMessageContaining("Nothing was imported");
        assertThat(storedEvents()).isEqualTo(before);
    }

    /** The displays' manifests once they show everything built here. */
    private Map<String, JsonNode> buildAnOrganization() {
        String image = createContent("IMAGE", "https://cdn.example.com/a.png");
        String video = createContent("VIDEO", "https://cdn.example.com/b.mp4");
        String loop = createPlaylist(image, video);
        String evening = createPlaylist(video);
        String lobby = createDisplay();
        String hall = createDisplay();
        assertThat(http().send("PATCH", "/api/content/" + image, "{\"name\":\"Renamed\",\"defaultDurationSeconds\":12}",
                "Content-Type", "application/json").status()).isEqualTo(200);
        assertThat(http().put("/api/displays/" + lobby + "/playlist", "{\"playlistId\":\"" + loop + "\"}").status())
                .isEqualTo(200);
        assertThat(http().post("/api/displays/" + lobby + "/schedule", """
                {"playlistId":"%s","daysOfWeek":["MONDAY"],"startTime":"18:00","endTime":"22:00","priority":5}"""
                .formatted(evening)).status()).isEqualTo(201);
        assertThat(http().put("/api/displays/" + hall + "/playlist", "{\"playlistId\":\"" + evening + "\"}").status())
                .isEqualTo(200);
        Map<String, JsonNode> manifests = new LinkedHashMap<>();
        manifests.put(lobby, awaitManifest(lobby, manifest -> manifest.path("schedule").size() == 1
                && manifest.path("defaultPlaylist").path("items").size() == 2
                && manifest.toString().contains("\"durationSeconds\":12")));
        manifests.put(hall, awaitManifest(hall, manifest -> manifest.path("defaultPlaylist").path("items").size() == 1));
        return manifests;
    }

    private static JsonNode awaitManifest(HttpProbe there, String displayId, JsonNode expected) {
        JsonNode wanted = playable(expected);
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpProbe.Answer answer = there.get("/api/displays/" + displayId + "/manifest");
            return answer.status() == 200 ? playable(answer.json()) : null;
        }, manifest -> wanted.equals(manifest));
    }

    /**
     * A manifest without its bookkeeping: {@code version} counts the display's manifest changes and
     * {@code position} names the last event of the batch that made the latest one, so both depend on
     * how the projections happened to batch the events (a rebuild sees them all at once), and
     * {@code generatedAt} on the clock. Everything a player plays must be identical.
     */
    private static JsonNode playable(JsonNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        copy.remove(List.of("generatedAt", "version", "position"));
        return copy;
    }

    /** What an operator moving an organization does by hand: passwords are not events. */
    private void copyCredentials(JdbcTemplate target) {
        jdbc.query("""
                SELECT user_id, organization_id, email, display_name, role, password_hash, removed
                FROM command_user_credentials WHERE organization_id = ?::uuid""", (RowCallbackHandler) row -> target.update("""
                INSERT INTO command_user_credentials
                    (user_id, organization_id, email, display_name, role, password_hash, removed)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", row.getObject(1), row.getObject(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getBoolean(7)), admin().organizationId());
    }

    private static String exportOf(int port, String token) {
        HttpProbe.Answer answer = new HttpProbe(port).as(token).get("/api/history/export");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        return answer.raw().body();
    }

    private static byte[] gzipExportOf(int port, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/history/export"))
                .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        return response.body();
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
