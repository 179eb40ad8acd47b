package io.marquee.standalone;

import io.marquee.infra.runtime.LocalRuntime;
import io.marquee.infra.runtime.SharedTestRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second query-api, started the way {@code java -jar marquee-standalone.jar query-api} starts one, next
 * to the running platform: it serves the same fleet from its own memory, verifies the platform's device
 * and user tokens, and keeps tenants apart. Without a platform to join, the command refuses to start.
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
                "--server.port=0", "--marquee.query.player-port=0",
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
    void without_a_platform_to_join_the_role_command_refuses_to_start(@TempDir Path empty) {
        // when
        int status = RoleCommand.run("query-api", new String[] {"--marquee.data-dir=" + empty, "--server.port=0"});

        // then
        assertThat(status).isEqualTo(2);
    }
}
