package io.marquee.standalone;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thousand players of one display hold a manifest stream open on one instance, and every one of them
 * receives the next version. Streams are async responses: this needs no thread per connection.
 * It takes 12 to 27 s here (quiet or busy machine), under the 30 s bar, so it runs in the default build;
 * tag it {@code @Tag("heavy")} to move it to {@code -Pheavy} if it ever grows.
 */
class ManifestStreamFanOutIT extends PlayerPlatform {

    private static final int CLIENTS = 1_000;

    @Test
    void a_thousand_open_streams_all_receive_a_change() {
        // given a thousand streams that each got the current manifest
        Player player = playerShowing("https://cdn.example.com/crowd-v1.png");
        List<SseClient> streams = new ArrayList<>(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                streams.add(SseClient.open(port, player.manifestPath() + "/stream", player.token()));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> streams.stream().allMatch(stream -> stream.events().size() == 1));

            // when the display gets another playlist
            String playlist = createPlaylist(createContent("IMAGE", "https://cdn.example.com/crowd-v2.png"));
            http().put("/api/displays/" + player.displayId() + "/playlist", "{\"playlistId\":\"" + playlist + "\"}");

            // then every stream receives the new version
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> streams.stream().allMatch(stream -> stream.events().size() == 2));
            assertThat(streams).allSatisfy(stream ->
                    assertThat(stream.events().get(1).data()).contains("https://cdn.example.com/crowd-v2.png"));
        } finally {
            streams.forEach(SseClient::close);
        }
    }
}
