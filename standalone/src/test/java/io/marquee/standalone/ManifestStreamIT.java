package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest stream (server-sent events): the current version on connect, each new one when it changes. */
class ManifestStreamIT extends PlayerPlatform {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_player_gets_the_current_manifest_on_connect_and_a_new_version_after_a_playlist_change() {
        // given
        Player player = playerShowing("https://cdn.example.com/before.png");
        JsonNode current = awaitDeviceManifest(player, manifest -> true);

        try (SseClient stream = SseClient.open(port, player.manifestPath() + "/stream", player.token())) {
            // then the current manifest arrives at once
            soon().until(() -> stream.events().size() == 1);
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            SseClient.Event first = stream.events().get(0);
            assertThat(first.name()).isEqualTo("manifest");
            assertThat(first.id()).isEqualTo(current.get("version").asText());
            assertThat(read(first.data()).get("version").asLong()).isEqualTo(current.get("version").asLong());

            // when the display is given another playlist
            String playlist = createPlaylist(createContent("IMAGE", "https://cdn.example.com/after.png"));
            http().put("/api/displays/" + player.displayId() + "/playlist", "{\"playlistId\":\"" + playlist + "\"}");

            // then the new version is pushed
            soon().until(() -> stream.events().size() == 2);
            SseClient.Event pushed = stream.events().get(1);
            assertThat(pushed.data()).contains("https://cdn.example.com/after.png");
            assertThat(Long.parseLong(pushed.id())).isGreaterThan(Long.parseLong(first.id()));
        }
    }

    @Test
    void a_player_that_already_has_the_current_version_gets_nothing_until_it_changes() {
        // given
        Player player = playerShowing("https://cdn.example.com/kept.png");
        String version = awaitDeviceManifest(player, manifest -> true).get("version").asText();

        try (SseClient stream = SseClient.open(port, player.manifestPath() + "/stream", player.token(),
                "Last-Event-ID", version)) {
            soon().until(() -> stream.status() == 200);

            // when
            String playlist = createPlaylist(createContent("IMAGE", "https://cdn.example.com/next.png"));
            http().put("/api/displays/" + player.displayId() + "/playlist", "{\"playlistId\":\"" + playlist + "\"}");

            // then the first event is the new version, not the one it had
            soon().until(() -> !stream.events().isEmpty());
            assertThat(stream.events()).hasSize(1);
            assertThat(stream.events().get(0).id()).isNotEqualTo(version);
            assertThat(stream.events().get(0).data()).contains("https://cdn.example.com/next.png");
        }
    }

    @Test
    void a_stream_sends_comment_heartbeats_and_a_user_of_the_organization_may_open_it() {
        // given
        Player player = playerShowing("https://cdn.example.com/heartbeat.png");

        try (SseClient stream = SseClient.open(port, player.manifestPath() + "/stream", admin().token())) {
            // then (the test runtime sends a heartbeat every second)
            soon().until(() -> stream.comments() >= 1 && stream.events().size() == 1);
        }
    }

    @Test
    void a_stream_ends_when_its_token_is_rotated() {
        // given
        Player player = playerShowing("https://cdn.example.com/revoked-stream.png");
        try (SseClient stream = SseClient.open(port, player.manifestPath() + "/stream", player.token())) {
            soon().until(() -> stream.events().size() == 1);

            // when
            http().post("/api/displays/" + player.displayId() + "/device-token", "");

            // then
            soon().until(stream::ended);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
