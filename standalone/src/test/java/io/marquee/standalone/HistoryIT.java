package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysts' event history over HTTP: filters, cursor paging, NDJSON, read-your-writes, roles,
 * tenant isolation and bad parameters.
 */
class HistoryIT extends SharedPlatform {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS = "/api/history/events";

    @Test
    void an_analyst_reads_an_aggregates_events_in_position_order_with_the_write_they_just_made() {
        // given content created then renamed
        String content = createContent("IMAGE", "https://cdn.example.com/history-1.png");
        HttpProbe.Answer renamed = rename(content, "Renamed for history");
        HttpProbe analyst = TestAccounts.addUser(admin(), "ANALYST").http();

        // when the analyst reads its history with the rename's position
        HttpProbe.Answer page = analyst.get(EVENTS + "?aggregateId=" + content,
                "Marquee-Min-Position", Long.toString(renamed.position()));

        // then both events are there, in order, as envelopes of this organization
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        List<JsonNode> items = list(page.json().get("items"));
        assertThat(items).extracting(item -> item.get("type").asText()).containsExactly("ContentCreated", "ContentUpdated");
        assertThat(items.get(1).get("position").asLong()).isEqualTo(renamed.position())
                .isGreaterThan(items.get(0).get("position").asLong());
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("organizationId").asText()).isEqualTo(admin().organizationId());
            assertThat(item.get("aggregateType").asText()).isEqualTo("Content");
            assertThat(item.get("payload").get("contentId").asText()).isEqualTo(content);
        });
        assertThat(items.get(1).get("payload").get("name").asText()).isEqualTo("Renamed for history");
        assertThat(page.json().get("next").isNull()).isTrue();
        // and a position that never comes is 503 with Retry-After
        HttpProbe.Answer never = analyst.get(EVENTS, "Marquee-Min-Position", Long.toString(Long.MAX_VALUE));
        assertProblem(never, 503, "Marquee-Min-Position");
        assertThat(never.header("Retry-After")).isPresent();
    }

    @Test
    void filters_combine_and_a_cursor_pages_through_every_match_once() {
        // given a few aggregates with several events each
        String first = createContent("IMAGE", "https://cdn.example.com/filter-1.png");
        String second = createContent("VIDEO", "https://cdn.example.com/filter-2.mp4");
        rename(first, "First again");
        long last = rename(second, "Second again").position();
        String upTo = "Marquee-Min-Position";

        // when filtered by type, by aggregate and type, and by actor
        List<JsonNode> updates = list(http().get(EVENTS + "?type=ContentUpdated&limit=1000", upTo, "" + last).json().get("items"));
        List<JsonNode> secondUpdates = list(http().get(EVENTS + "?type=ContentUpdated&aggregateId=" + second).json().get("items"));
        String actor = updates.get(0).get("actor").asText();
        List<JsonNode> byActor = list(http().get(EVENTS + "?limit=1000&actor=" + actor).json().get("items"));
        List<JsonNode> byNobody = list(http().get(EVENTS + "?actor=" + UUID.randomUUID()).json().get("items"));

        // then each answers only its matches
        assertThat(updates).extracting(item -> item.get("type").asText()).containsOnly("ContentUpdated");
        assertThat(updates).extracting(item -> item.get("aggregateId").asText()).contains(first, second);
        assertThat(secondUpdates).hasSize(1).allSatisfy(item -> assertThat(item.get("aggregateId").asText()).isEqualTo(second));
        assertThat(byActor).isNotEmpty().allSatisfy(item -> assertThat(item.get("actor").asText()).isEqualTo(actor));
        assertThat(byNobody).isEmpty();

        // and paging by two through everything gives the unpaged list, in strictly increasing positions
        List<JsonNode> all = list(http().get(EVENTS + "?limit=1000").json().get("items"));
        List<JsonNode> paged = new ArrayList<>();
        String cursor = "0";
        while (cursor != null) {
            JsonNode page = http().get(EVENTS + "?limit=2&after=" + cursor).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            paged.addAll(list(page.get("items")));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        }
        assertThat(paged).isEqualTo(all);
        assertThat(positions(all)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void from_is_inclusive_and_to_exclusive_on_the_time_the_events_occurred() {
        // given three events of one content item
        String content = createContent("IMAGE", "https://cdn.example.com/time-1.png");
        rename(content, "Two");
        long last = rename(content, "Three").position();
        List<JsonNode> all = list(http().get(EVENTS + "?aggregateId=" + content, "Marquee-Min-Position", "" + last)
                .json().get("items"));
        String second = all.get(1).get("occurredAt").asText();
        String third = all.get(2).get("occurredAt").asText();

        // when asked from the second to the third
        List<JsonNode> window = list(http().get(EVENTS + "?aggregateId=" + content + "&from=" + second + "&to=" + third)
                .json().get("items"));

        // then only the second is in it
        assertThat(positions(window)).containsExactly(all.get(1).get("position").asLong());
    }

    @Test
    void ndjson_streams_every_match_one_envelope_per_line_ignoring_the_limit() {
        // given several events in the organization
        String content = createContent("IMAGE", "https://cdn.example.com/ndjson.png");
        long last = rename(content, "Streamed").position();
        List<JsonNode> all = list(http().get(EVENTS + "?limit=1000", "Marquee-Min-Position", "" + last).json().get("items"));

        // when streamed with a limit of one
        HttpProbe.Answer stream = http().get(EVENTS + "?limit=1", "Accept", "application/x-ndjson");

        // then every envelope comes, one per line, the same as in the pages
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(lines(stream)).hasSizeGreaterThan(1).isEqualTo(all);
    }

    @Test
    void another_organization_sees_none_of_this_history() {
        // given this organization's display and content
        String content = createContent("IMAGE", "https://cdn.example.com/private.png");
        String display = createDisplay();
        long last = rename(content, "Private").position();
        http().get(EVENTS, "Marquee-Min-Position", "" + last);
        HttpProbe stranger = TestAccounts.registerOrganization(anonymous()).http();

        // when another organization's admin asks for them
        HttpProbe.Answer byAggregate = stranger.get(EVENTS + "?aggregateId=" + content);
        HttpProbe.Answer everything = stranger.get(EVENTS + "?limit=1000");
        HttpProbe.Answer streamed = stranger.get(EVENTS + "?aggregateId=" + content, "Accept", "application/x-ndjson");
        HttpProbe.Answer manifest = stranger.get("/api/history/displays/" + display + "/manifest?at=" + java.time.Instant.now());

        // then nothing of ours comes back, and the display does not exist for them
        assertThat(byAggregate.json().get("items")).isEmpty();
        assertThat(list(everything.json().get("items"))).extracting(item -> item.get("aggregateId").asText())
                .doesNotContain(content, display);
        assertThat(list(everything.json().get("items"))).extracting(item -> item.get("organizationId").asText())
                .doesNotContain(admin().organizationId());
        assertThat(streamed.raw().body()).isEmpty();
        assertProblem(manifest, 404, display);
    }

    @Test
    void only_analysts_and_admins_may_read_the_history() {
        String display = createDisplay();
        HttpProbe.Answer rotated = http().send("POST", "/api/displays/" + display + "/device-token", "");
        String deviceToken = rotated.json().get("deviceToken").asText();
        http().get(EVENTS, "Marquee-Min-Position", Long.toString(rotated.position()));
        String at = "?at=" + java.time.Instant.now();
        Map<String, Integer> expected = Map.of("ANALYST", 200, "VIEWER", 403, "EDITOR", 403);

        expected.forEach((role, status) -> {
            HttpProbe user = TestAccounts.addUser(admin(), role).http();
            assertThat(user.get(EVENTS).status()).as(role).isEqualTo(status);
            assertThat(user.get("/api/history/displays/" + display + "/manifest" + at).status()).as(role)
                    .isEqualTo(status == 200 ? 200 : 403);
        });
        assertThat(http().get(EVENTS).status()).isEqualTo(200);
        assertThat(anonymous().as(deviceToken).get(EVENTS).status()).isEqualTo(403);
        assertThat(anonymous().as(deviceToken).get("/api/history/displays/" + display + "/manifest" + at).status())
                .isEqualTo(403);
        assertThat(anonymous().get(EVENTS).status()).isEqualTo(401);
    }

    @Test
    void bad_parameters_are_400_problems_naming_the_parameter() {
        String display = createDisplay();
        assertProblem(http().get(EVENTS + "?from=yesterday"), 400, "from");
        assertProblem(http().get(EVENTS + "?to=2026-13-01T00:00:00Z"), 400, "to");
        assertProblem(http().get(EVENTS + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400, "from");
        assertProblem(http().get(EVENTS + "?limit=0"), 400, "limit");
        assertProblem(http().get(EVENTS + "?limit=1001"), 400, "limit");
        assertProblem(http().get(EVENTS + "?limit=many"), 400, "limit");
        assertProblem(http().get(EVENTS + "?after=-1"), 400, "after");
        assertProblem(http().get(EVENTS + "?type=ContentExploded"), 400, "type");
        assertThat(http().get(EVENTS + "?from=yesterday", "Accept", "application/x-ndjson").status()).isEqualTo(400);
        assertThat(http().get(EVENTS, "Accept", "no media type").status()).as("malformed input is never a 500").isLessThan(500);
        assertProblem(http().get(EVENTS, "Marquee-Min-Position", "soon"), 400, "Marquee-Min-Position");
        assertProblem(http().get("/api/history/displays/" + display + "/manifest"), 400, "at");
        assertProblem(http().get("/api/history/displays/" + display + "/manifest?at=noon"), 400, "at");
        assertProblem(http().get("/api/history/displays/" + UUID.randomUUID() + "/manifest?at=" + java.time.Instant.now()),
                404, "Display");
        assertProblem(http().get("/api/history/displays/not-a-uuid/manifest?at=" + java.time.Instant.now()), 400, "displayId");
    }

    @Test
    void no_event_in_the_history_carries_anything_that_looks_like_a_secret() {
        // given users added and a display with a rotated device token
        TestAccounts.addUser(admin(), "EDITOR");
        String display = createDisplay();
        long last = http().send("POST", "/api/displays/" + display + "/device-token", "").position();
        http().get(EVENTS, "Marquee-Min-Position", "" + last);

        // when the whole history of the organization is streamed
        HttpProbe.Answer stream = http().get(EVENTS, "Accept", "application/x-ndjson");

        // then no field is named like a secret, and the password is nowhere
        List<JsonNode> events = lines(stream);
        assertThat(events).extracting(event -> event.get("type").asText())
                .contains("OrganizationRegistered", "UserAdded", "DisplayRegistered", "DeviceTokenIssued");
        for (JsonNode event : events) {
            assertThat(fieldNames(event.get("payload"))).as(event.toString())
                    .noneMatch(name -> name.matches("(?i).*(password|hash|token|secret).*"));
        }
        assertThat(stream.raw().body()).doesNotContain(TestAccounts.PASSWORD);
    }

    private HttpProbe.Answer rename(String content, String name) {
        HttpProbe.Answer answer = http().send("PATCH", "/api/content/" + content, "{\"name\":\"" + name + "\"}",
                "Content-Type", "application/json");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<Long> positions(List<JsonNode> items) {
        return items.stream().map(item -> item.get("position").asLong()).toList();
    }

    private static List<JsonNode> lines(HttpProbe.Answer stream) {
        return stream.raw().body().lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                names.add(field.getKey().toLowerCase(Locale.ROOT));
                names.addAll(fieldNames(field.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(element -> names.addAll(fieldNames(element)));
        }
        return names;
    }
}
