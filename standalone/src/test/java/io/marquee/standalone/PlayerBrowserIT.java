package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web player in a real headless Chromium. The page is loaded through {@link LoopbackProxy}, so a
 * test can make the platform unreachable for the page alone; images come from {@link LoopbackContent}.
 * Nothing leaves 127.0.0.1. The player authenticates with the ADMIN's user token for now (the manifest
 * accepts any user of the display's organization).
 */
class PlayerBrowserIT extends SharedPlatform {

    private LoopbackContent content;
    private LoopbackProxy proxy;
    private ChromeDriver browser;
    /** The device token of the display the player shows: what a real screen uses. */
    private String deviceToken;

    @BeforeEach
    void startBrowserAndLoopbackServers() {
        HeadlessChromium.requireInstalled();
        content = LoopbackContent.start();
        proxy = LoopbackProxy.to(port);
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopThem() {
        if (browser != null) {
            browser.quit();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (content != null) {
            content.close();
        }
    }

    @Test
    void the_screen_changes_when_the_display_gets_another_playlist() {
        // given a display playing a red image
        HttpProbe.Answer created = http().post("/api/displays", "{\"name\":\"Browser screen\"}");
        String displayId = created.json().get("displayId").asText();
        deviceToken = created.json().get("deviceToken").asText();
        String red = playlist(5, "red");
        String blue = playlist(5, "blue");
        assign(displayId, red);
        JsonNode manifest = awaitManifest(displayId, m -> red.equals(m.path("defaultPlaylist").path("playlistId").asText()));
        openPlayer(displayId);
        awaitImage("red.png", Duration.ofSeconds(15));
        await("the image is really loaded from the loopback server").atMost(Duration.ofSeconds(5))
                .until(this::imageWidth, width -> width == LoopbackContent.SIZE);
        assertThat(body("data-manifest-version")).isEqualTo(manifest.get("version").asText());
        assertThat(browser.getCurrentUrl()).as("the token is taken out of the address bar").doesNotContain("token=");

        // when the display is given the blue playlist
        assign(displayId, blue);

        // then the screen shows blue within a few seconds of the new manifest
        JsonNode reassigned = awaitManifest(displayId, m -> blue.equals(m.path("defaultPlaylist").path("playlistId").asText()));
        awaitImage("blue.png", Duration.ofSeconds(6));
        assertThat(body("data-item-id")).isEqualTo(firstItemId(reassigned));
        assertThat(body("data-manifest-version")).isEqualTo(reassigned.get("version").asText());
    }

    @Test
    void the_player_keeps_playing_while_the_server_is_unreachable_and_picks_up_changes_when_it_returns() {
        // given a display rotating a red and a blue image every second
        HttpProbe.Answer created = http().post("/api/displays", "{\"name\":\"Browser screen\"}");
        String displayId = created.json().get("displayId").asText();
        deviceToken = created.json().get("deviceToken").asText();
        String rotation = playlist(1, "red", "blue");
        String green = playlist(1, "green");
        assign(displayId, rotation);
        awaitManifest(displayId, m -> rotation.equals(m.path("defaultPlaylist").path("playlistId").asText()));
        openPlayer(displayId);
        awaitImage("red.png", Duration.ofSeconds(15));

        // when the platform becomes unreachable for the page
        proxy.down();

        // then the player notices, and keeps rotating its items from the manifest it has
        await().atMost(Duration.ofSeconds(10)).until(() -> "offline".equals(body("data-connection")));
        assertThat(awaitItemChanges(4)).as("items shown while offline").hasSizeGreaterThanOrEqualTo(4);
        assertThat(body("data-connection")).isEqualTo("offline");
        assertThat((String) browser.executeScript("return localStorage.getItem(arguments[0])",
                "marquee.player.manifest." + displayId)).as("the manifest is cached for reloads").contains(rotation);

        // and when the display is reassigned meanwhile and the platform comes back, the change shows up
        assign(displayId, green);
        awaitManifest(displayId, m -> green.equals(m.path("defaultPlaylist").path("playlistId").asText()));
        assertThat(imageSource()).doesNotEndWith("green.png");
        proxy.up();
        awaitImage("green.png", Duration.ofSeconds(10));
        assertThat(body("data-connection")).isNotEqualTo("offline");
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-01-05T15:00:00Z | America/New_York | day
            2026-01-05T13:30:00Z | America/New_York | early
            2026-01-05T23:30:00Z | America/New_York | default
            2026-02-05T15:00:00Z | America/New_York | early
            2026-01-02T23:30:00Z | Europe/Paris     | night
            2026-01-03T23:30:00Z | Europe/Paris     | default
            """)
    void the_schedule_is_evaluated_in_the_displays_timezone(String instant, String timezone, String expected) {
        // given a schedule: a January daytime entry (priority 5) over an every-day 08:00-18:00 one
        // (priority 2), and an overnight Friday 22:00-02:00 entry (priority 9)
        browser.get(proxy.base() + "/player");
        String manifest = """
                {"timezone":"%s","defaultPlaylist":{"playlistId":"default"},"schedule":[
                 {"daysOfWeek":["FRIDAY"],"startTime":"22:00:00","endTime":"02:00:00","priority":9,"playlist":{"playlistId":"night"}},
                 {"daysOfWeek":[],"startTime":"09:00","endTime":"17:30:00","startDate":"2026-01-01","endDate":"2026-01-31",
                  "priority":5,"playlist":{"playlistId":"day"}},
                 {"daysOfWeek":[],"startTime":"08:00:00","endTime":"18:00:00","priority":2,"playlist":{"playlistId":"early"}}]}"""
                .formatted(timezone);

        // when the player's own schedule module picks the playlist at that instant
        Object chosen = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/player/schedule.js').then(schedule =>
                    done(schedule.activePlaylist(JSON.parse(arguments[0]), new Date(arguments[1])).playlistId));""",
                manifest, instant);

        // then
        assertThat(chosen).isEqualTo(expected);
    }

    /** A playlist of the loopback images of these colours, each shown for the given seconds. */
    private String playlist(int seconds, String... colours) {
        StringBuilder items = new StringBuilder();
        for (String colour : colours) {
            items.append(items.isEmpty() ? "" : ",").append("{\"contentId\":\"%s\",\"durationSeconds\":%d}"
                    .formatted(createContent("IMAGE", content.uri(colour)), seconds));
        }
        HttpProbe.Answer answer = http().post("/api/playlists", "{\"name\":\"Colours\",\"items\":[" + items + "]}");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json().get("playlistId").asText();
    }

    private void assign(String displayId, String playlistId) {
        HttpProbe.Answer answer = http().put("/api/displays/" + displayId + "/playlist", "{\"playlistId\":\"" + playlistId + "\"}");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    }

    private void openPlayer(String displayId) {
        // the player authenticates as the display itself, with the device token shown at creation
        browser.get(proxy.base() + "/player?display=" + displayId + "&token=" + deviceToken + "&status=1");
    }

    private void awaitImage(String file, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(imageSource()).endsWith(file));
    }

    /** Watches the item on screen until it has changed this many times; returns the ids seen in turn. */
    private List<String> awaitItemChanges(int changes) {
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String id = body("data-item-id");
            if (!id.isEmpty() && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(id))) {
                seen.add(id);
            }
            return seen.size() > changes;
        });
        return seen;
    }

    /** Read in one script call: the player replaces the element at any moment, which would make a found one stale. */
    private String imageSource() {
        return (String) browser.executeScript("const image = document.querySelector('#stage img'); return image ? image.src : ''");
    }

    private Long imageWidth() {
        return (Long) browser.executeScript("return document.querySelector('#stage img').naturalWidth");
    }

    private String body(String attribute) {
        return browser.findElement(By.tagName("body")).getDomAttribute(attribute);
    }

    private static String firstItemId(JsonNode manifest) {
        return manifest.get("defaultPlaylist").get("items").get(0).get("itemId").asText();
    }
}
