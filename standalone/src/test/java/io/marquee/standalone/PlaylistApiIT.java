package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The playlist endpoints over HTTP, through the real event store: what they store and how they refuse. */
class PlaylistApiIT extends SharedPlatform {

    String image;
    String video;

    @BeforeEach
    void content() {
        image = createContent("IMAGE", "https://cdn.example.com/a.png");
        video = createContent("VIDEO", "https://cdn.example.com/b.mp4");
    }

    @Test
    void creating_a_playlist_of_content_items_answers_201_with_its_id_location_and_position() {
        HttpProbe.Answer answer = http().post("/api/playlists", """
                {"name":"Morning","items":[{"contentId":"%s","durationSeconds":5},{"contentId":"%s"}]}"""
                .formatted(image, video));

        assertThat(answer.status()).isEqualTo(201);
        String playlistId = answer.json().get("playlistId").asText();
        assertThat(answer.header("Location")).contains("/api/playlists/" + playlistId);
        assertThat(answer.position()).isPositive();
        JsonNode items = eventsOf(playlistId).get(0).payload().get("items");
        assertThat(items.get(0).get("contentId").asText()).isEqualTo(image);
        assertThat(items.get(0).get("durationSeconds").asInt()).isEqualTo(5);
        assertThat(items.get(1).get("contentId").asText()).isEqualTo(video);
        assertThat(items.get(1).has("durationSeconds")).as("null: the content's default").isFalse();
    }

    @Test
    void an_item_of_unknown_content_is_a_404_naming_it() {
        String unknown = UUID.randomUUID().toString();
        long before = storedEvents();

        HttpProbe.Answer answer = http().post("/api/playlists",
                "{\"name\":\"x\",\"items\":[{\"contentId\":\"" + unknown + "\"}]}");

        assertProblem(answer, 404, "Content " + unknown);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_item_of_another_organizations_content_is_a_404() {
        // until accounts exist every request acts for one organization: plant another's content in the directory
        String foreign = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO command_content_directory (content_id, organization_id) VALUES (?::uuid, ?::uuid)",
                foreign, UUID.randomUUID().toString());
        String playlistId = createPlaylist();
        long before = storedEvents();

        HttpProbe.Answer answer = http().post("/api/playlists/" + playlistId + "/items", "{\"contentId\":\"" + foreign + "\"}");

        assertProblem(answer, 404, "Content " + foreign);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_item_of_archived_content_is_a_409_naming_the_rule() {
        http().send("DELETE", "/api/content/" + video, "");
        String playlistId = createPlaylist(image);
        long before = storedEvents();

        HttpProbe.Answer created = http().post("/api/playlists", "{\"name\":\"x\",\"items\":[{\"contentId\":\"" + video + "\"}]}");
        HttpProbe.Answer added = http().post("/api/playlists/" + playlistId + "/items", "{\"contentId\":\"" + video + "\"}");

        assertProblem(created, 409, "content-archived");
        assertProblem(added, 409, "content-archived");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void renaming_answers_200_and_stores_the_new_name() {
        String playlistId = createPlaylist();

        HttpProbe.Answer answer = http().send("PATCH", "/api/playlists/" + playlistId, "{\"name\":\"Evening\"}",
                "Content-Type", "application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.position()).isPositive();
        assertThat(types(playlistId)).containsExactly("PlaylistCreatedEvent", "PlaylistRenamedEvent");
    }

    @Test
    void an_item_is_appended_or_inserted_and_answers_201_with_its_id() {
        String playlistId = createPlaylist(image);

        HttpProbe.Answer appended = http().post("/api/playlists/" + playlistId + "/items", "{\"contentId\":\"" + video + "\"}");
        HttpProbe.Answer inserted = http().post("/api/playlists/" + playlistId + "/items",
                "{\"contentId\":\"" + video + "\",\"durationSeconds\":7,\"position\":0}");

        assertThat(appended.status()).isEqualTo(201);
        assertThat(inserted.status()).isEqualTo(201);
        String itemId = inserted.json().get("itemId").asText();
        assertThat(inserted.header("Location")).contains("/api/playlists/" + playlistId + "/items/" + itemId);
        assertThat(inserted.position()).isGreaterThan(appended.position());
        List<StoredEvent> events = eventsOf(playlistId);
        assertThat(events.get(1).payload().get("position").asInt()).isEqualTo(1);
        assertThat(events.get(2).payload().get("position").asInt()).isZero();
        assertThat(events.get(2).payload().get("item").get("itemId").asText()).isEqualTo(itemId);
    }

    @Test
    void an_insert_position_past_the_end_is_a_422_naming_the_rule() {
        String playlistId = createPlaylist(image);
        long before = storedEvents();

        HttpProbe.Answer answer = http().post("/api/playlists/" + playlistId + "/items",
                "{\"contentId\":\"" + video + "\",\"position\":2}");

        assertProblem(answer, 422, "item-position-range");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void patching_an_item_changes_its_duration_and_moves_it() {
        String playlistId = createPlaylist(image, video);
        String itemId = addItem(playlistId, image);

        HttpProbe.Answer answer = http().send("PATCH", "/api/playlists/" + playlistId + "/items/" + itemId,
                "{\"durationSeconds\":30,\"position\":0}", "Content-Type", "application/json");
        HttpProbe.Answer reset = http().send("PATCH", "/api/playlists/" + playlistId + "/items/" + itemId,
                "{\"durationSeconds\":null}", "Content-Type", "application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.position()).isGreaterThan(answer.position());
        assertThat(types(playlistId)).containsExactly("PlaylistCreatedEvent", "PlaylistItemAddedEvent",
                "PlaylistItemDurationChangedEvent", "PlaylistItemMovedEvent", "PlaylistItemDurationChangedEvent");
        assertThat(eventsOf(playlistId).get(4).payload().path("durationSeconds").isNull()).as("reset to the content's default").isTrue();
    }

    @Test
    void a_patch_that_changes_nothing_answers_200_and_stores_nothing() {
        String playlistId = createPlaylist(image);
        String itemId = addItem(playlistId, video);
        long before = storedEvents();

        HttpProbe.Answer answer = http().send("PATCH", "/api/playlists/" + playlistId + "/items/" + itemId,
                "{\"position\":1}", "Content-Type", "application/json");
        HttpProbe.Answer empty = http().send("PATCH", "/api/playlists/" + playlistId + "/items/" + itemId,
                "{}", "Content-Type", "application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_move_past_the_last_place_is_a_422_naming_the_rule() {
        String playlistId = createPlaylist(image);
        String itemId = addItem(playlistId, video);
        long before = storedEvents();

        HttpProbe.Answer answer = http().send("PATCH", "/api/playlists/" + playlistId + "/items/" + itemId,
                "{\"position\":2}", "Content-Type", "application/json");

        assertProblem(answer, 422, "item-position-range");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void removing_an_item_answers_204_and_an_unknown_item_404() {
        String playlistId = createPlaylist(image);
        String itemId = addItem(playlistId, video);

        HttpProbe.Answer removed = http().send("DELETE", "/api/playlists/" + playlistId + "/items/" + itemId, "");
        long before = storedEvents();
        HttpProbe.Answer again = http().send("DELETE", "/api/playlists/" + playlistId + "/items/" + itemId, "");
        HttpProbe.Answer patched = http().send("PATCH", "/api/playlists/" + playlistId + "/items/" + itemId,
                "{\"durationSeconds\":3}", "Content-Type", "application/json");

        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.position()).isPositive();
        assertProblem(again, 404, "Playlist item " + itemId);
        assertProblem(patched, 404, "Playlist item " + itemId);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_archived_playlist_refuses_every_change_and_can_no_longer_be_assigned() {
        String playlistId = createPlaylist(image);
        String itemId = eventsOf(playlistId).get(0).payload().get("items").get(0).get("itemId").asText();
        String displayId = createDisplay();

        HttpProbe.Answer archived = http().send("DELETE", "/api/playlists/" + playlistId, "");
        HttpProbe.Answer archivedAgain = http().send("DELETE", "/api/playlists/" + playlistId, "");
        long before = storedEvents();
        String base = "/api/playlists/" + playlistId;
        List<HttpProbe.Answer> refused = List.of(
                http().send("PATCH", base, "{\"name\":\"x\"}", "Content-Type", "application/json"),
                http().post(base + "/items", "{\"contentId\":\"" + video + "\"}"),
                http().send("PATCH", base + "/items/" + itemId, "{\"durationSeconds\":3}", "Content-Type", "application/json"),
                http().send("DELETE", base + "/items/" + itemId, ""));
        HttpProbe.Answer assigned = http().put("/api/displays/" + displayId + "/playlist", "{\"playlistId\":\"" + playlistId + "\"}");

        assertThat(archived.status()).isEqualTo(204);
        assertThat(archivedAgain.status()).isEqualTo(204);
        assertThat(archivedAgain.position()).isEqualTo(archived.position());
        refused.forEach(answer -> assertProblem(answer, 409, "playlist-archived"));
        assertProblem(assigned, 409, "playlist-archived");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_unknown_playlist_is_a_404_for_every_command() {
        String base = "/api/playlists/" + UUID.randomUUID();
        long before = storedEvents();

        List<HttpProbe.Answer> answers = List.of(
                http().send("PATCH", base, "{\"name\":\"x\"}", "Content-Type", "application/json"),
                http().post(base + "/items", "{\"contentId\":\"" + image + "\"}"),
                http().send("PATCH", base + "/items/" + UUID.randomUUID(), "{\"durationSeconds\":3}", "Content-Type", "application/json"),
                http().send("DELETE", base + "/items/" + UUID.randomUUID(), ""),
                http().send("DELETE", base, ""));

        answers.forEach(answer -> assertProblem(answer, 404, "not-found"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} with {2} -> {3} naming {4}")
    @CsvSource(delimiter = '|', textBlock = """
            POST  | /api/playlists | {bad                                                      | 400 | malformed-body
            POST  | /api/playlists | {}                                                        | 400 | name
            POST  | /api/playlists | {"name":"   "}                                            | 400 | name
            POST  | /api/playlists | {"name":"x","colour":"red"}                               | 400 | colour
            POST  | /api/playlists | {"name":"x","items":"all"}                                | 400 | items
            POST  | /api/playlists | {"name":"x","items":[{}]}                                 | 400 | items[0].contentId
            POST  | /api/playlists | {"name":"x","items":[null]}                               | 400 | items[0]
            POST  | /api/playlists | {"name":"x","items":[{"contentId":"nope"}]}               | 400 | items[0].contentId
            POST  | /api/playlists | {"name":"x","items":[{"uri":"https://a.example/b.png"}]}  | 400 | items[0].uri
            POST  | /api/playlists | {"name":"x","items":[{"contentId":"00000000-0000-0000-0000-000000000001","durationSeconds":0}]} | 400 | items[0].durationSeconds
            POST  | /api/playlists | {"name":"x","items":[{"contentId":"00000000-0000-0000-0000-000000000001","durationSeconds":86401}]} | 400 | items[0].durationSeconds
            POST  | /api/playlists | {"name":"x","items":[{"contentId":"00000000-0000-0000-0000-000000000001","durationSeconds":"long"}]} | 400 | items[0].durationSeconds
            PATCH | /api/playlists/00000000-0000-0000-0000-000000000001 | {}                  | 400 | name
            PATCH | /api/playlists/00000000-0000-0000-0000-000000000001 | {"name":7,"x":1}    | 400 | x
            PATCH | /api/playlists/nope | {"name":"x"}                                        | 400 | playlistId
            POST  | /api/playlists/00000000-0000-0000-0000-000000000001/items | {}            | 400 | contentId
            POST  | /api/playlists/00000000-0000-0000-0000-000000000001/items | {"contentId":"00000000-0000-0000-0000-000000000001","position":-1} | 400 | position
            POST  | /api/playlists/00000000-0000-0000-0000-000000000001/items | {"contentId":"00000000-0000-0000-0000-000000000001","durationSeconds":0} | 400 | durationSeconds
            POST  | /api/playlists/00000000-0000-0000-0000-000000000001/items | {"contentId":"00000000-0000-0000-0000-000000000001","position":"first"} | 400 | position
            POST  | /api/playlists/nope/items | {"contentId":"00000000-0000-0000-0000-000000000001"} | 400 | playlistId
            PATCH | /api/playlists/00000000-0000-0000-0000-000000000001/items/00000000-0000-0000-0000-000000000002 | {"durationSeconds":0} | 400 | durationSeconds
            PATCH | /api/playlists/00000000-0000-0000-0000-000000000001/items/00000000-0000-0000-0000-000000000002 | {"durationSeconds":86401} | 400 | durationSeconds
            PATCH | /api/playlists/00000000-0000-0000-0000-000000000001/items/00000000-0000-0000-0000-000000000002 | {"position":-1} | 400 | position
            PATCH | /api/playlists/00000000-0000-0000-0000-000000000001/items/00000000-0000-0000-0000-000000000002 | {"contentId":"00000000-0000-0000-0000-000000000001"} | 400 | contentId
            PATCH | /api/playlists/00000000-0000-0000-0000-000000000001/items/nope | {"position":1} | 400 | itemId
            DELETE | /api/playlists/00000000-0000-0000-0000-000000000001/items/nope | ''          | 400 | itemId
            DELETE | /api/playlists/nope | ''                                                   | 400 | playlistId
            """)
    void bad_input_is_a_problem_naming_the_field_or_rule_and_stores_nothing(
            String method, String path, String body, int status, String named) {
        long before = storedEvents();

        HttpProbe.Answer answer = http().send(method, path, body, "Content-Type", "application/json");

        assertProblem(answer, status, named);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_playlist_of_501_items_is_a_400_naming_items() {
        String item = "{\"contentId\":\"" + image + "\"}";
        String items = String.join(",", java.util.Collections.nCopies(501, item));
        long before = storedEvents();

        HttpProbe.Answer answer = http().post("/api/playlists", "{\"name\":\"x\",\"items\":[" + items + "]}");

        assertProblem(answer, 400, "items");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private String addItem(String playlistId, String contentId) {
        HttpProbe.Answer answer = http().post("/api/playlists/" + playlistId + "/items", "{\"contentId\":\"" + contentId + "\"}");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json().get("itemId").asText();
    }

    private List<String> types(String aggregateId) {
        return eventsOf(aggregateId).stream().map(StoredEvent::type).toList();
    }
}
