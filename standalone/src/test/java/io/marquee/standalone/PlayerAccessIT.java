package io.marquee.standalone;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Device tokens on the read side, through the real broker: a display reads only its own manifest, a
 * rotated or revoked token stops working within a second, and a user of another organization sees nothing.
 */
class PlayerAccessIT extends PlayerPlatform {

    @Test
    void a_device_token_reads_its_own_manifest_and_gets_304_for_the_same_etag() {
        // given
        Player player = playerShowing("https://cdn.example.com/own.png");

        // when
        HttpProbe.Answer first = player.http().get(player.manifestPath());
        HttpProbe.Answer again = player.http().get(player.manifestPath(), "If-None-Match", first.header("ETag").orElseThrow());

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("displayId").asText()).isEqualTo(player.displayId());
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.raw().body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void the_devices_fast_path_answers_exactly_like_the_full_chain_does_for_a_user() {
        // given a display's manifest, read by the display (served by ManifestFastPath) and by a user (through
        // Spring Security and the controller)
        Player player = playerShowing("https://cdn.example.com/same.png");
        double fastReadsBefore = fastReads();

        // when
        HttpProbe.Answer device = player.http().get(player.manifestPath());
        HttpProbe.Answer user = http().get(player.manifestPath());
        String etag = device.header("ETag").orElseThrow();
        HttpProbe.Answer device304 = player.http().get(player.manifestPath(), "If-None-Match", etag);
        HttpProbe.Answer user304 = http().get(player.manifestPath(), "If-None-Match", etag);

        // then: the same status, bytes and headers, and the device's reads did take the fast path
        assertThat(device.raw().body()).isEqualTo(user.raw().body());
        assertThat(device304.status()).isEqualTo(user304.status()).isEqualTo(304);
        for (String header : List.of("ETag", "Cache-Control", "Content-Type", "Content-Length",
                "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection")) {
            assertThat(device.header(header)).as(header).isEqualTo(user.header(header)).isPresent();
        }
        for (String header : List.of("ETag", "Cache-Control", "X-Content-Type-Options", "X-Frame-Options", "Content-Type")) {
            assertThat(device304.header(header)).as("304 " + header).isEqualTo(user304.header(header));
        }
        assertThat(fastReads()).isEqualTo(fastReadsBefore + 2);
    }

    /** The fast path's count of reads served, from the Prometheus scrape. */
    private double fastReads() {
        return anonymous().get("/actuator/prometheus").raw().body().lines()
                .filter(line -> line.startsWith("marquee_manifest_fast_reads_seconds_count{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void a_device_token_cannot_read_another_displays_manifest() {
        // given two displays of the same organization
        Player mine = playerShowing("https://cdn.example.com/mine.png");
        Player other = playerShowing("https://cdn.example.com/other.png");

        // when
        HttpProbe.Answer answer = mine.http().get(other.manifestPath());

        // then
        assertProblem(answer, 404, "not-found");
        assertThat(mine.http().get(other.manifestPath() + "/stream").status()).isEqualTo(404);
    }

    @Test
    void a_user_of_another_organization_gets_404() {
        // given
        Player player = playerShowing("https://cdn.example.com/private.png");
        HttpProbe stranger = TestAccounts.registerOrganization(anonymous()).http();

        // when
        HttpProbe.Answer answer = stranger.get(player.manifestPath());

        // then
        assertProblem(answer, 404, "not-found");
    }

    @Test
    void a_rotated_token_is_refused_within_a_second_and_the_new_one_works() {
        // given
        Player player = playerShowing("https://cdn.example.com/rotate.png");

        // when
        HttpProbe.Answer rotated = http().post("/api/displays/" + player.displayId() + "/device-token", "");
        assertThat(rotated.status()).isEqualTo(201);

        // then
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> player.http().get(player.manifestPath()).status() == 401);
        HttpProbe fresh = anonymous().as(rotated.json().get("deviceToken").asText());
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> fresh.get(player.manifestPath()).status() == 200);
        assertProblem(player.http().get(player.manifestPath()), 401, "401");
    }

    @Test
    void a_decommissioned_displays_token_is_refused() {
        // given
        Player player = playerShowing("https://cdn.example.com/retired.png");

        // when
        assertThat(http().send("DELETE", "/api/displays/" + player.displayId(), "").status()).isEqualTo(204);

        // then
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> player.http().get(player.manifestPath()).status() == 401);
        assertThat(player.http().post("/api/displays/" + player.displayId() + "/heartbeat",
                "{\"manifestVersion\":1}").status()).isEqualTo(401);
    }

    @Test
    void a_device_token_opens_nothing_else() {
        // given
        Player player = playerShowing("https://cdn.example.com/only-player.png");

        // when / then: admin reads, user routes and writes are closed to a device
        assertThat(player.http().get("/api/auth/me").status()).isIn(401, 403);
        assertThat(player.http().post("/api/content",
                "{\"name\":\"x\",\"type\":\"IMAGE\",\"uri\":\"https://x.example/x.png\"}").status()).isIn(401, 403);
        assertThat(player.http().post("/api/displays/" + player.displayId() + "/device-token", "").status())
                .isIn(401, 403);
    }
}
