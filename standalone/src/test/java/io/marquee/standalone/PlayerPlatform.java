package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shared platform seen from a player: a display with its device token, and waiting for its manifest. */
abstract class PlayerPlatform extends SharedPlatform {

    record Player(String displayId, String token, HttpProbe http) {

        String manifestPath() {
            return "/api/displays/" + displayId + "/manifest";
        }
    }

    static ConditionFactory soon() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25));
    }

    /** A new display of this class's organization, showing a new playlist of one image. */
    Player playerShowing(String uri) {
        HttpProbe.Answer created = http().post("/api/displays", "{\"name\":\"Screen\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String displayId = created.json().get("displayId").asText();
        String playlist = createPlaylist(createContent("IMAGE", uri));
        assertThat(http().put("/api/displays/" + displayId + "/playlist", "{\"playlistId\":\"" + playlist + "\"}").status())
                .isEqualTo(200);
        Player player = new Player(displayId, created.json().get("deviceToken").asText(),
                anonymous().as(created.json().get("deviceToken").asText()));
        awaitDeviceManifest(player, manifest -> manifest.toString().contains(uri));
        return player;
    }

    JsonNode awaitDeviceManifest(Player player, Predicate<JsonNode> until) {
        return soon().until(() -> {
            HttpProbe.Answer answer = player.http().get(player.manifestPath());
            return answer.status() == 200 ? answer.json() : null;
        }, manifest -> manifest != null && until.test(manifest));
    }
}
