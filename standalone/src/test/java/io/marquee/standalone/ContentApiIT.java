package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The content endpoints over HTTP, through the real event store: what they store and how they refuse. */
class ContentApiIT extends SharedPlatform {

    static final String FULL = """
            {"name":"Welcome","type":"IMAGE","uri":"https://cdn.example.com/welcome.png","defaultDurationSeconds":8,
             "checksum":"sha256:abc","sizeBytes":1024,"validFrom":"2030-01-01T00:00:00Z","validUntil":"2030-02-01T00:00:00Z"}""";

    @Test
    void creating_content_answers_201_with_its_id_location_and_position() {
        HttpProbe.Answer answer = http().post("/api/content", FULL);

        assertThat(answer.status()).isEqualTo(201);
        String contentId = answer.json().get("contentId").asText();
        assertThat(answer.header("Location")).contains("/api/content/" + contentId);
        assertThat(answer.position()).isPositive();
        JsonNode created = single(contentId, "ContentCreatedEvent");
        assertThat(created.get("type").asText()).isEqualTo("IMAGE");
        assertThat(created.get("defaultDurationSeconds").asInt()).isEqualTo(8);
        assertThat(created.get("validUntil").asText()).isEqualTo("2030-02-01T00:00:00Z");
    }

    @Test
    void patching_content_keeps_what_is_left_out_and_clears_what_is_sent_as_null() {
        String contentId = http().post("/api/content", FULL).json().get("contentId").asText();

        HttpProbe.Answer answer = http().send("PATCH", "/api/content/" + contentId,
                "{\"name\":\"Welcome back\",\"checksum\":null}", "Content-Type", "application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.position()).isPositive();
        JsonNode updated = single(contentId, "ContentUpdatedEvent");
        assertThat(updated.get("name").asText()).isEqualTo("Welcome back");
        assertThat(updated.path("checksum").isNull()).as("cleared").isTrue();
        assertThat(updated.get("uri").asText()).isEqualTo("https://cdn.example.com/welcome.png");
        assertThat(updated.get("sizeBytes").asLong()).isEqualTo(1024);
    }

    @Test
    void a_patch_that_changes_nothing_answers_200_and_stores_nothing() {
        String contentId = createContent("IMAGE", "https://cdn.example.com/a.png");
        long before = storedEvents();

        HttpProbe.Answer answer = http().send("PATCH", "/api/content/" + contentId,
                "{\"uri\":\"https://cdn.example.com/a.png\"}", "Content-Type", "application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Marquee-Position")).isPresent();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void patching_the_type_is_a_400_naming_it() {
        String contentId = createContent("IMAGE", "https://cdn.example.com/a.png");
        long before = storedEvents();

        HttpProbe.Answer answer = http().send("PATCH", "/api/content/" + contentId,
                "{\"type\":\"VIDEO\"}", "Content-Type", "application/json");

        assertProblem(answer, 400, "type");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("type");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void archiving_answers_204_and_archiving_again_changes_nothing() {
        String contentId = createContent("IMAGE", "https://cdn.example.com/a.png");

        HttpProbe.Answer first = http().send("DELETE", "/api/content/" + contentId, "");
        long afterFirst = storedEvents();
        HttpProbe.Answer second = http().send("DELETE", "/api/content/" + contentId, "");

        assertThat(first.status()).isEqualTo(204);
        assertThat(second.status()).isEqualTo(204);
        assertThat(second.position()).isEqualTo(first.position());
        assertThat(storedEvents()).isEqualTo(afterFirst);
        single(contentId, "ContentArchivedEvent");
    }

    @Test
    void archived_content_refuses_updates_with_409_naming_the_rule() {
        String contentId = createContent("IMAGE", "https://cdn.example.com/a.png");
        http().send("DELETE", "/api/content/" + contentId, "");
        long before = storedEvents();

        HttpProbe.Answer answer = http().send("PATCH", "/api/content/" + contentId,
                "{\"name\":\"Again\"}", "Content-Type", "application/json");

        assertProblem(answer, 409, "content-archived");
        assertThat(answer.json().get("rule").asText()).isEqualTo("content-archived");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void unknown_content_is_a_404_for_patch_and_delete() {
        long before = storedEvents();

        HttpProbe.Answer patch = http().send("PATCH", "/api/content/" + UUID.randomUUID(),
                "{\"name\":\"x\"}", "Content-Type", "application/json");
        HttpProbe.Answer delete = http().send("DELETE", "/api/content/" + UUID.randomUUID(), "");

        assertProblem(patch, 404, "not-found");
        assertProblem(delete, 404, "not-found");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} with {2} -> {3} naming {4}")
    @CsvSource(delimiter = '|', textBlock = """
            POST  | /api/content | {bad                                                               | 400 | malformed-body
            POST  | /api/content | {}                                                                 | 400 | name
            POST  | /api/content | {"type":"IMAGE","uri":"https://a.example/b.png"}                   | 400 | name
            POST  | /api/content | {"name":"x","uri":"https://a.example/b.png"}                       | 400 | type
            POST  | /api/content | {"name":"x","type":"IMAGE"}                                        | 400 | uri
            POST  | /api/content | {"name":"x","type":"PDF","uri":"https://a.example/b.png"}          | 400 | type
            POST  | /api/content | {"name":"x","type":"IMAGE","uri":"https://a.example/b.png","colour":"red"} | 400 | colour
            POST  | /api/content | {"name":"x","type":"IMAGE","uri":"https://a.example/b.png","defaultDurationSeconds":"long"} | 400 | defaultDurationSeconds
            POST  | /api/content | {"name":"x","type":"IMAGE","uri":"https://a.example/b.png","defaultDurationSeconds":0} | 400 | defaultDurationSeconds
            POST  | /api/content | {"name":"x","type":"IMAGE","uri":"https://a.example/b.png","defaultDurationSeconds":86401} | 400 | defaultDurationSeconds
            POST  | /api/content | {"name":"x","type":"IMAGE","uri":"https://a.example/b.png","sizeBytes":-1} | 400 | sizeBytes
            POST  | /api/content | {"name":"x","type":"IMAGE","uri":"https://a.example/b.png","validFrom":"yesterday"} | 400 | validFrom
            POST  | /api/content | {"name":"x","type":"IMAGE","uri":"ftp://a.example/b.png"}          | 422 | content-uri-http
            POST  | /api/content | {"name":"x","type":"IMAGE","uri":"javascript:alert(1)"}            | 422 | content-uri-http
            POST  | /api/content | {"name":"x","type":"IMAGE","uri":"https://a.example/b.png","validFrom":"2030-02-01T00:00:00Z","validUntil":"2030-01-01T00:00:00Z"} | 422 | content-validity-window
            PATCH | /api/content/not-a-uuid | {"name":"x"}                                            | 400 | contentId
            PATCH | /api/content/00000000-0000-0000-0000-000000000001 | {"name":null}                 | 400 | name
            PATCH | /api/content/00000000-0000-0000-0000-000000000001 | {"uri":""}                    | 400 | uri
            PATCH | /api/content/00000000-0000-0000-0000-000000000001 | {"sizeBytes":-5}              | 400 | sizeBytes
            PATCH | /api/content/00000000-0000-0000-0000-000000000001 | {"defaultDurationSeconds":0}  | 400 | defaultDurationSeconds
            PATCH | /api/content/00000000-0000-0000-0000-000000000001 | {"colour":"red"}              | 400 | colour
            PATCH | /api/content/00000000-0000-0000-0000-000000000001 | [1,2]                         | 400 | malformed-body
            DELETE | /api/content/not-a-uuid | ''                                                     | 400 | contentId
            """)
    void bad_input_is_a_problem_naming_the_field_or_rule_and_stores_nothing(
            String method, String path, String body, int status, String named) {
        long before = storedEvents();

        HttpProbe.Answer answer = http().send(method, path, body, "Content-Type", "application/json");

        assertProblem(answer, status, named);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_patch_that_breaks_a_rule_on_existing_content_is_a_422_and_stores_nothing() {
        String contentId = http().post("/api/content", FULL).json().get("contentId").asText();
        long before = storedEvents();

        HttpProbe.Answer answer = http().send("PATCH", "/api/content/" + contentId,
                "{\"validFrom\":\"2031-01-01T00:00:00Z\"}", "Content-Type", "application/json");

        assertProblem(answer, 422, "content-validity-window");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_patch_that_clears_the_name_is_a_400_naming_the_field() {
        String contentId = createContent("IMAGE", "https://cdn.example.com/a.png");

        HttpProbe.Answer answer = http().send("PATCH", "/api/content/" + contentId,
                "{\"name\":null}", "Content-Type", "application/json");

        assertProblem(answer, 400, "name");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
    }

    private JsonNode single(String contentId, String type) {
        var events = eventsOf(contentId).stream().filter(event -> event.type().equals(type)).toList();
        assertThat(events).as(type + " of " + contentId).hasSize(1);
        return events.get(0).payload();
    }
}
