package io.marquee.loadtests;

import io.gatling.app.Gatling$;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The load suite in miniature, so that it cannot silently rot: starts the standalone jar on a fresh
 * data directory, seeds a tiny fleet over HTTP and runs every scenario with a tiny load (a few hundred
 * requests at most), asserting only that each completes without errors. The wrk/nginx baselines of
 * scenarios 1-2 and the second, rebuilding process of scenario 6 are left to bench.sh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadSuiteSmokeIT {

    private final Path dir = Path.of(System.getProperty("smoke.dir", "target/smoke"));
    private final Path results = dir.resolve("results");
    private final Path fleetDir = dir.resolve("fleet");
    private Process platform;
    private int playerPort;

    @BeforeAll
    void startPlatformAndSeedFleet() throws Exception {
        deleteRecursively(dir);
        Files.createDirectories(dir);
        System.setProperty("marquee.results", results.toString());
        System.setProperty("marquee.fleet", fleetDir.toString());
        int port = freePort();
        playerPort = freePort();
        platform = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-jar",
                System.getProperty("marquee.standalone.jar"), "--server.port=" + port, "--marquee.query.player-port=" + playerPort,
                "--marquee.data-dir=" + dir.resolve("data"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("platform.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(platform.isAlive()).as("the platform is running (see platform.log)").isTrue();
            try {
                return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYetListening) {
                return false;
            }
        });
        Seeder.seed("http://127.0.0.1:" + port, fleetDir, 20, 4, 12, 8);
    }

    @AfterAll
    void stopPlatform() throws InterruptedException {
        if (platform != null) {
            platform.destroy();
            if (!platform.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                platform.destroyForcibly();
            }
        }
    }

    @Test
    void theSeededFleetKnowsEveryDisplaysTokenAndManifestEtag() {
        Fleet fleet = Fleet.load(fleetDir);

        assertThat(fleet.displays()).hasSize(20)
                .allSatisfy(display -> assertThat(display.etag()).startsWith("\"").endsWith("\""));
        assertThat(fleet.playlists()).hasSize(4);
    }

    @Test
    void manifestReadsOnTheTwoHundredAndThreeHundredFourPathsComplete() {
        assertThat(gatling(ManifestReadSimulation.class, Map.of("connections", "4", "durationSeconds", "3"))).isZero();
    }

    @Test
    void fleetPollingUnderAdminWritesCompletes() throws IOException {
        assertThat(gatling(FleetPollingSimulation.class,
                Map.of("pollIntervalSeconds", "1", "warmupSeconds", "1", "durationSeconds", "3", "writesPerSecond", "5"))).isZero();

        // bench.sh reads these two rows: the measured polls and writes, without the warm-up's
        assertThat(gatlingFigure("fleetpollingsimulation", FleetPollingSimulation.POLL, "count")).isPositive();
        assertThat(gatlingFigure("fleetpollingsimulation", FleetPollingSimulation.WRITES, "count")).isPositive();
    }

    @Test
    void propagationProbeSeesEveryChangeServed() throws Exception {
        PropagationProbe.main(new String[] {fleetDir.toString(), "10", "20", "http://127.0.0.1:" + playerPort});

        Properties propagation = Results.load(results, "propagation");
        assertThat(propagation.getProperty("failures")).isEqualTo("0.000");
        assertThat(propagation.getProperty("count")).isEqualTo("20.000");
    }

    @Test
    void commandThroughputAndItsJdbcBaselineComplete() throws Exception {
        assertThat(gatling(CommandThroughputSimulation.class, Map.of("concurrency", "2", "warmupSeconds", "1", "durationSeconds", "3"))).isZero();
        assertThat(gatlingFigure("commandthroughputsimulation", CommandThroughputSimulation.COMMANDS, "count")).isPositive();

        JdbcInsertBaseline.main(new String[] {jdbcUrl(), "postgres", "postgres", "2", "1"});
        assertThat(Double.parseDouble(Results.load(results, "jdbc-baseline").getProperty("rowsPerSecond"))).isPositive();
    }

    @Test
    void theWaitForThePlatformsProjectionsEndsOnceTheyCaughtUp() throws Exception {
        // returns (instead of throwing after 10 minutes) once the group committed the topic's end
        KafkaReadRates.main(new String[] {"caught-up", "127.0.0.1:" + port("kafka/embedded-kafka.properties"),
                "marquee.events", "marquee-projections"});
    }

    @Test
    void bareConsumerReadsTheWholeEventsTopic() throws Exception {
        KafkaReadRates.main(new String[] {"bare", "127.0.0.1:" + port("kafka/embedded-kafka.properties")});

        assertThat(Double.parseDouble(Results.load(results, "kafka-baseline").getProperty("events"))).isPositive();
    }

    @Test
    void everyOpenManifestStreamReceivesTheChange() throws Exception {
        SseFanOutProbe.main(new String[] {fleetDir.toString(), "20", Long.toString(platform.pid()),
                "http://127.0.0.1:" + playerPort, "1"});

        Properties sse = Results.load(results, "sse");
        assertThat(sse.getProperty("open")).isEqualTo("20.000");
        assertThat(sse.getProperty("count")).isEqualTo("20.000");
        assertThat(sse.getProperty("firstReceivedWithin2s")).as("the warm-up change reached the streams too").isNotNull();
        assertThat(sse.getProperty("heapPer1000StreamsMiB")).isNotNull();
    }

    private int gatling(Class<?> simulation, Map<String, String> knobs) {
        knobs.forEach((name, value) -> System.setProperty("marquee." + name, value));
        try {
            return Gatling$.MODULE$.fromArgs(new String[] {"--simulation", simulation.getName(),
                    "--results-folder", dir.resolve("gatling").toString(), "--run-description", "smoke"});
        } finally {
            knobs.keySet().forEach(name -> System.clearProperty("marquee." + name));
        }
    }

    private double gatlingFigure(String report, String request, String figure) throws IOException {
        GatlingStats.main(new String[] {dir.resolve("gatling").toString(), report, request, "smoke-figure"});
        return Double.parseDouble(Results.load(results, "smoke-figure").getProperty(figure));
    }

    private String jdbcUrl() throws IOException {
        return "jdbc:postgresql://127.0.0.1:" + port("postgres/embedded-postgres.properties") + "/marquee";
    }

    private String port(String portFile) throws IOException {
        Properties ports = new Properties();
        try (var in = Files.newInputStream(dir.resolve("data").resolve(portFile))) {
            ports.load(in);
        }
        return ports.getProperty("port");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
