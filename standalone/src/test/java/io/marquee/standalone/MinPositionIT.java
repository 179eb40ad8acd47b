package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Read-your-writes with Marquee-Min-Position, and content changes fanned out to every manifest. */
class MinPositionIT extends PlayerPlatform {

    @Test
    void a_read_with_the_position_of_a_write_sees_that_write() {
        // given
        Player player = playerShowing("https://cdn.example.com/old.png");
        String playlist = createPlaylist(createContent("IMAGE", "https://cdn.example.com/new.png"));

        // when the playlist is assigned and the manifest read at once with the write's position
        HttpProbe.Answer assigned = http().put("/api/displays/" + player.displayId() + "/playlist",
                "{\"playlistId\":\"" + playlist + "\"}");
        HttpProbe.Answer read = player.http().get(player.manifestPath(),
                "Marquee-Min-Position", Long.toString(assigned.position()));

        // then
        assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
        assertThat(read.raw().body()).contains("https://cdn.example.com/new.png");
        assertThat(read.json().get("position").asLong()).isGreaterThanOrEqualTo(assigned.position());
    }

    @Test
    void a_user_read_with_the_position_of_a_write_sees_it_too() {
        // given
        Player player = playerShowing("https://cdn.example.com/user-old.png");
        String playlist = createPlaylist(createContent("IMAGE", "https://cdn.example.com/user-new.png"));

        // when
        HttpProbe.Answer assigned = http().put("/api/displays/" + player.displayId() + "/playlist",
                "{\"playlistId\":\"" + playlist + "\"}");
        HttpProbe.Answer read = http().get(player.manifestPath(), "Marquee-Min-Position", Long.toString(assigned.position()));

        // then
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw().body()).contains("https://cdn.example.com/user-new.png");
    }

    @Test
    void a_position_that_never_comes_answers_503_with_retry_after() {
        // given
        Player player = playerShowing("https://cdn.example.com/patience.png");

        // when
        HttpProbe.Answer read = player.http().get(player.manifestPath(), "Marquee-Min-Position", Long.toString(Long.MAX_VALUE));

        // then
        assertProblem(read, 503, "Marquee-Min-Position");
        assertThat(read.header("Retry-After")).hasValueSatisfying(value -> assertThat(Long.parseLong(value)).isPositive());
    }

    @Test
    void an_admin_read_with_the_position_of_a_write_sees_that_write() {
        // given a content item, renamed
        String content = createContent("IMAGE", "https://cdn.example.com/renamed.png");
        HttpProbe.Answer renamed = http().send("PATCH", "/api/content/" + content, "{\"name\":\"Renamed at once\"}",
                "Content-Type", "application/json");

        // when the admin list is read at once with the write's position
        HttpProbe.Answer read = http().get("/api/content/" + content, "Marquee-Min-Position", Long.toString(renamed.position()));

        // then it shows the new name
        assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Renamed at once");
    }

    @Test
    void an_admin_read_with_a_position_that_never_comes_answers_503_with_retry_after() {
        HttpProbe.Answer read = http().get("/api/displays", "Marquee-Min-Position", Long.toString(Long.MAX_VALUE));

        assertProblem(read, 503, "Marquee-Min-Position");
        assertThat(read.header("Retry-After")).hasValueSatisfying(value -> assertThat(Long.parseLong(value)).isPositive());
        assertProblem(http().get("/api/playlists", "Marquee-Min-Position", "soon"), 400, "Marquee-Min-Position");
    }

    @Test
    void a_position_that_is_not_a_number_is_a_bad_request() {
        Player player = playerShowing("https://cdn.example.com/nan.png");
        assertProblem(player.http().get(player.manifestPath(), "Marquee-Min-Position", "soon"), 400, "Marquee-Min-Position");
    }

    @Test
    void changing_one_content_item_updates_every_manifest_that_uses_it() {
        // given three displays showing the same content
        String content = createContent("IMAGE", "https://cdn.example.com/shared-v1.png");
        String playlist = createPlaylist(content);
        List<String> displays = List.of(createDisplay(), createDisplay(), createDisplay());
        long lastAssignment = 0;
        for (String display : displays) {
            lastAssignment = http().put("/api/displays/" + display + "/playlist",
                    "{\"playlistId\":\"" + playlist + "\"}").position();
        }

        // when the content changes
        HttpProbe.Answer changed = http().send("PATCH", "/api/content/" + content,
                "{\"uri\":\"https://cdn.example.com/shared-v2.png\"}", "Content-Type", "application/json");
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.position()).isGreaterThan(lastAssignment);

        // then every manifest, read with the change's position, shows the new uri
        for (String display : displays) {
            HttpProbe.Answer read = http().get("/api/displays/" + display + "/manifest",
                    "Marquee-Min-Position", Long.toString(changed.position()));
            assertThat(read.status()).isEqualTo(200);
            JsonNode items = read.json().get("defaultPlaylist").get("items");
            assertThat(items.get(0).get("uri").asText()).isEqualTo("https://cdn.example.com/shared-v2.png");
        }
    }
}
