package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topics;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.telemetry.HeartbeatReceived;
import io.marquee.events.telemetry.Play;
import io.marquee.events.telemetry.PlaysReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin reads: paging, filters, archived items, other organizations, bad parameters, status and delivery. */
class AdminReadsIT extends SharedPlatform {

    private static final ObjectMapper TELEMETRY_JSON = MarqueeJson.newMapper();

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void displays_are_paged_in_name_order_and_filtered_by_name_and_tag() {
        // given three displays whose names share a marker, one of them tagged
        String marker = "pager-" + UUID.randomUUID();
        createNamedDisplay(http(), "B " + marker, "[]");
        createNamedDisplay(http(), "a " + marker, "[\"lobby-" + marker + "\"]");
        createNamedDisplay(http(), "C " + marker, "[]");

        // when the list is read two at a time
        JsonNode first = awaitJson(http(), "/api/displays?size=2&name=" + marker.toUpperCase(),
                page -> page.get("totalItems").asLong() == 3);
        JsonNode second = http().get("/api/displays?size=2&page=1&name=" + marker).json();

        // then the pages hold all three in case-insensitive name order, and the tag filter finds one
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
        assertThat(names(first)).containsExactly("a " + marker, "B " + marker);
        assertThat(names(second)).containsExactly("C " + marker);
        JsonNode tagged = http().get("/api/displays?tag=lobby-" + marker).json();
        assertThat(names(tagged)).containsExactly("a " + marker);
        assertThat(tagged.get("items").get(0).get("tags").get(0).asText()).isEqualTo("lobby-" + marker);
    }

    @Test
    void archived_content_is_left_out_unless_asked_for_and_still_readable_by_id() {
        // given two content items with a shared marker, one archived
        String marker = "archive-" + UUID.randomUUID();
        String kept = createNamedContent(marker + " kept");
        String archived = createNamedContent(marker + " gone");
        assertThat(http().send("DELETE", "/api/content/" + archived, "").status()).isEqualTo(204);

        // when the list is read with and without archived items
        awaitJson(http(), "/api/content/" + archived, item -> item.get("archived").asBoolean());
        JsonNode current = http().get("/api/content?name=" + marker).json();
        JsonNode all = http().get("/api/content?archived=true&name=" + marker).json();

        // then only the kept item is listed by default, both with archived=true
        assertThat(ids(current, "contentId")).containsExactly(kept);
        assertThat(ids(all, "contentId")).containsExactlyInAnyOrder(kept, archived);
        assertThat(http().get("/api/content/" + kept).json().get("type").asText()).isEqualTo("IMAGE");
    }

    @Test
    void a_playlist_is_listed_with_its_item_count_and_read_with_its_items() {
        // given a playlist of one content item
        String content = createNamedContent("playlist-content-" + UUID.randomUUID());
        String playlist = createPlaylist(content);

        // when it is read alone and in the list
        JsonNode one = awaitJson(http(), "/api/playlists/" + playlist, found -> true);
        JsonNode list = http().get("/api/playlists?size=200").json();

        // then it shows its item, and the list counts it
        assertThat(one.get("items").get(0).get("contentId").asText()).isEqualTo(content);
        assertThat(list.get("items").findValuesAsText("playlistId")).contains(playlist);
    }

    @Test
    void another_organizations_items_are_not_found_and_not_listed() {
        // given a display, content and playlist of this organization
        String display = createDisplay();
        String content = createNamedContent("mine-" + UUID.randomUUID());
        String playlist = createPlaylist(content);
        awaitJson(http(), "/api/playlists/" + playlist, found -> true);
        awaitJson(http(), "/api/displays/" + display, found -> true);

        // when a user of another organization reads them
        HttpProbe stranger = TestAccounts.registerOrganization(anonymous()).http();

        // then each is 404, and their lists do not show them
        for (String path : List.of("/api/displays/" + display, "/api/content/" + content,
                "/api/playlists/" + playlist, "/api/content/" + content + "/plays")) {
            assertProblem(stranger.get(path), 404, "not-found");
        }
        assertThat(stranger.get("/api/displays").json().get("totalItems").asLong()).isZero();
        assertThat(stranger.get("/api/content").json().get("items").findValuesAsText("contentId")).doesNotContain(content);
        assertThat(anonymous().get("/api/displays").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({"/api/displays?size=0, size", "/api/content?size=201, size", "/api/playlists?page=-1, page",
            "/api/displays?page=abc, page", "/api/content?archived=maybe, archived",
            "/api/displays/not-a-uuid, displayId"})
    void a_bad_parameter_is_a_400_naming_it(String path, String parameter) {
        assertProblem(http().get(path), 400, "\"field\":\"" + parameter + "\"");
    }

    @Test
    void a_display_is_online_after_a_recent_heartbeat_and_offline_when_its_last_one_is_older_than_the_interval() {
        // given two displays with manifests
        String fresh = createDisplay();
        String stale = createDisplay();
        long latest = awaitJson(http(), "/api/displays/" + fresh, d -> d.has("latestVersion")).get("latestVersion").asLong();
        awaitJson(http(), "/api/displays/" + stale, d -> d.has("latestVersion"));
        assertThat(http().get("/api/displays/" + fresh).json().get("status").asText()).isEqualTo("OFFLINE");

        // when one reports now, on the latest version, and the other last reported five minutes ago
        heartbeat(fresh, admin().organizationId(), Instant.now(), latest);
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        heartbeat(stale, admin().organizationId(), longAgo, latest);

        // then the first is online and up to date, the second offline with its last-seen time
        JsonNode online = awaitJson(http(), "/api/displays/" + fresh, d -> d.get("status").asText().equals("ONLINE"));
        assertThat(online.get("manifestVersion").asLong()).isEqualTo(latest);
        assertThat(online.get("upToDate").asBoolean()).isTrue();
        JsonNode offline = awaitJson(http(), "/api/displays/" + stale, d -> d.has("lastSeen"));
        assertThat(offline.get("status").asText()).isEqualTo("OFFLINE");
        assertThat(Instant.parse(offline.get("lastSeen").asText())).isEqualTo(longAgo);
    }

    @Test
    void delivery_says_how_many_displays_of_the_organization_run_the_latest_version() {
        // given an organization of three displays: one on the latest version, one behind, one silent
        TestAccounts.Session owner = TestAccounts.registerOrganization(anonymous());
        List<String> displays = List.of(createNamedDisplay(owner.http(), "One", "[]"),
                createNamedDisplay(owner.http(), "Two", "[]"), createNamedDisplay(owner.http(), "Three", "[]"));
        long latest = awaitJson(owner.http(), "/api/displays/" + displays.get(0), d -> d.has("latestVersion"))
                .get("latestVersion").asLong();
        awaitJson(owner.http(), "/api/displays/" + displays.get(1), d -> d.has("latestVersion"));

        // when they report
        heartbeat(displays.get(0), owner.organizationId(), Instant.now(), latest);
        heartbeat(displays.get(1), owner.organizationId(), Instant.now(), latest - 1);

        // then one of three is on the latest version, and two are online
        JsonNode delivery = awaitJson(owner.http(), "/api/displays/delivery", d -> d.get("online").asLong() == 2);
        assertThat(delivery.get("summary").asText()).isEqualTo("1 of 3 displays are on the latest version");
        assertThat(delivery.get("onLatestVersion").asLong()).isEqualTo(1);
        assertThat(delivery.get("displays").asLong()).isEqualTo(3);
    }

    @Test
    void plays_of_a_content_item_are_counted_per_day_and_per_display() {
        // given a content item and two reports of it from one display, one sent twice
        String content = createNamedContent("played-" + UUID.randomUUID());
        String display = createDisplay();
        PlaysReported report = plays(display, content, "2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z");
        publish(Topics.PROOF_OF_PLAY.name(), display, report);
        publish(Topics.PROOF_OF_PLAY.name(), display, report);
        publish(Topics.PROOF_OF_PLAY.name(), display, plays(display, content, "2026-03-02T10:00:00Z"));

        // when its plays over those days are read
        JsonNode counts = awaitJson(http(), "/api/content/" + content + "/plays?from=2026-03-01&to=2026-03-02",
                c -> c.get("plays").asLong() >= 3);

        // then every play counts once, by UTC day and by display
        assertThat(counts.get("plays").asLong()).isEqualTo(3);
        assertThat(counts.get("days").findValuesAsText("day")).containsExactly("2026-03-01", "2026-03-02");
        assertThat(counts.get("displays").get(0).get("displayId").asText()).isEqualTo(display);
        assertProblem(http().get("/api/content/" + content + "/plays?from=2026-03-03&to=2026-03-02"), 400, "from");
    }

    private PlaysReported plays(String display, String content, String... startedAt) {
        List<Play> plays = java.util.Arrays.stream(startedAt).map(at -> new Play(PlaylistItemId.random(),
                ContentId.of(content), 1, Instant.parse(at), 10_000)).toList();
        return new PlaysReported(UUID.randomUUID(), DisplayId.of(display), OrganizationId.of(admin().organizationId()),
                Instant.now(), plays);
    }

    private void heartbeat(String display, String organization, Instant receivedAt, long version) {
        publish(Topics.DISPLAY_HEARTBEATS.name(), display, new HeartbeatReceived(DisplayId.of(display),
                OrganizationId.of(organization), receivedAt, version, null));
    }

    private void publish(String topic, String key, Object record) {
        try {
            kafka.send(topic, key, TELEMETRY_JSON.writeValueAsBytes(record)).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish a telemetry record", e);
        }
    }

    private String createNamedDisplay(HttpProbe as, String name, String tags) {
        HttpProbe.Answer answer = as.post("/api/displays", "{\"name\":\"" + name + "\",\"tags\":" + tags + "}");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json().get("displayId").asText();
    }

    private String createNamedContent(String name) {
        HttpProbe.Answer answer = http().post("/api/content",
                "{\"name\":\"" + name + "\",\"type\":\"IMAGE\",\"uri\":\"https://cdn.example.com/a.png\"}");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json().get("contentId").asText();
    }

    private static JsonNode awaitJson(HttpProbe as, String path, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpProbe.Answer answer = as.get(path);
            return answer.status() == 200 ? answer.json() : null;
        }, found -> found != null && until.test(found));
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").findValuesAsText("name");
    }

    private static List<String> ids(JsonNode page, String field) {
        return page.get("items").findValuesAsText(field);
    }
}
