package io.marquee.standalone;

import io.marquee.infra.runtime.LocalRuntime;
import io.marquee.infra.runtime.SharedTestRuntime;
import io.marquee.query.playerport.ThreadScheduling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A second query-api, started the way {@code java -jar marquee-standalone.jar query-api} starts one, next
 * to the running platform: it serves the same fleet from its own memory, verifies the platform's device
 * and user tokens, and keeps tenants apart, its player port's loops in {@code SCHED_FIFO} as the reads-first
 * layout runs them. Without a platform to join, the command refuses to start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleProcessIT extends PlayerPlatform {

    private ConfigurableApplicationContext secondQueryApi;
    private int secondPort;

    @BeforeAll
    void startASecondQueryApi() {
        LocalRuntime runtime = SharedTestRuntime.get();
        secondQueryApi = RoleCommand.start("query-api", Map.of(
                "marquee.kafka.bootstrap-servers", runtime.bootstrapServers(), "marquee.db.url", runtime.jdbcUrl(),
                "marquee.db.username", runtime.username(), "marquee.db.password", runtime.password()), new String[] {
                "--server.port=0", "--marquee.query.player-port=0", "--marquee.query.player-port-realtime-priority=1",
                "--marquee.security.jwt.key-directory=" + runtime.dataDir().resolve("keys")});
        secondPort = ((WebServerApplicationContext) secondQueryApi).getWebServer().getPort();
    }

    @AfterAll
    void stopIt() {
        if (secondQueryApi != null) {
            secondQueryApi.close();
        }
    }

    @Test
    void the_second_query_api_serves_a_change_made_through_the_platform() {
        // given a display showing one image, as the platform serves it
        Player player = playerShowing("https://cdn.example.com/first.png");
        HttpProbe onSecond = new HttpProbe(secondPort).as(player.token());

        // when its playlist changes through the platform's command-api
        String next = createPlaylist(createContent("IMAGE", "https://cdn.example.com/second.png"));
        assertThat(http().put("/api/displays/" + player.displayId() + "/playlist", "{\"playlistId\":\"" + next + "\"}")
                .status()).isEqualTo(200);

        // then the second query-api serves the new manifest, with the ETag the platform gives it
        soon().until(() -> onSecond.get(player.manifestPath()).raw().body().contains("second.png"));
        HttpProbe.Answer second = onSecond.get(player.manifestPath());
        soon().until(() -> player.http().get(player.manifestPath()).header("ETag").equals(second.header("ETag")));
        assertThat(onSecond.get(player.manifestPath(), "If-None-Match", second.header("ETag").orElseThrow()).status())
                .isEqualTo(304);
    }

    @Test
    void the_second_query_api_accepts_the_platforms_user_tokens_and_keeps_tenants_apart() {
        // given a display of this class's organization, and a user of another one
        Player player = playerShowing("https://cdn.example.com/tenant.png");
        TestAccounts.Session stranger = TestAccounts.registerOrganization(anonymous());

        // when both ask the second query-api for it
        HttpProbe.Answer own = new HttpProbe(secondPort).as(admin().token()).get(player.manifestPath());
        HttpProbe.Answer foreign = new HttpProbe(secondPort).as(stranger.token()).get(player.manifestPath());

        // then the owner reads it, the stranger learns nothing
        assertThat(own.status()).isEqualTo(200);
        assertProblem(foreign, 404, "status");
    }

    @Test
    void the_second_query_apis_event_loops_and_their_monitor_alone_run_in_the_real_time_policy() throws IOException {
        assumeTrue(Files.exists(Path.of("/proc/self/task")), "Linux only");
        // the platform's player port (normal policy) and the second one's name their loops alike
        Map<String, Long> realtimeByName;
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            realtimeByName = threads.map(RoleProcessIT::nameIfRealtime).flatMap(Optional::stream)
                    .collect(Collectors.groupingBy(name -> name.startsWith("player-port") ? "player-port" : name, Collectors.counting()));
        }

        // chrt takes root or CAP_SYS_NICE: CI runs as root, as this machine does. Idle loops stay real-time,
        // watched by a thread of their own, real-time too.
        assertThat(realtimeByName).isEqualTo(isRoot()
                ? Map.of("player-port", (long) Runtime.getRuntime().availableProcessors(), "realtime-loops", 1L) : Map.of());
    }

    /** The thread's name if it runs in SCHED_FIFO. */
    private static Optional<String> nameIfRealtime(Path task) {
        if (ThreadScheduling.of(task.getFileName().toString()).filter(now -> now.policy() == ThreadScheduling.FIFO).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(task.resolve("comm")).strip());
        } catch (IOException e) {
            return Optional.empty(); // the thread ended meanwhile
        }
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
    }

    @Test
    void without_a_platform_to_join_the_role_command_refuses_to_start(@TempDir Path empty) {
        // when
        int status = RoleCommand.run("query-api", new String[] {"--marquee.data-dir=" + empty, "--server.port=0"});

        // then
        assertThat(status).isEqualTo(2);
    }
}
