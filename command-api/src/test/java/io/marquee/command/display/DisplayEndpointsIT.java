package io.marquee.command.display;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.command.CommandApiTestSupport;
import io.marquee.command.TestAdmin;
import io.marquee.command.display.token.DeviceTokenHash;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The display endpoints of the write side alone, over its real event store and token table: status
 * codes, problem bodies, and that a refused request stores nothing.
 */
class DisplayEndpointsIT extends CommandApiTestSupport {

    /** A compact JWS: three base64url parts. */
    private static final String JWT = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";

    @Autowired
    CommandGateway commands;

    static final TestAdmin admin = new TestAdmin("Displays");
    String display;
    String playlist;

    @BeforeEach
    void aDisplayAndAPlaylist() throws Exception {
        display = json(send("POST", "/api/displays", "{\"name\":\"Lobby\",\"timezone\":\"Europe/Paris\"}"))
                .get("displayId").asText();
        playlist = json(send("POST", "/api/playlists", "{\"name\":\"Loop\"}")).get("playlistId").asText();
    }

    @ParameterizedTest(name = "{0} {1} with {2} -> {3} naming {4}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /api/displays                      | {bad                                          | 400 | body
            POST   | /api/displays                      | ''                                            | 400 | body
            POST   | /api/displays                      | []                                            | 400 | body
            POST   | /api/displays                      | {}                                            | 400 | name
            POST   | /api/displays                      | {"name":"  "}                                 | 400 | name
            POST   | /api/displays                      | {"name":["x"]}                                | 400 | name
            POST   | /api/displays                      | {"name":"x","colour":"red"}                   | 400 | colour
            POST   | /api/displays                      | {"name":"x","tags":"lobby"}                   | 400 | tags
            POST   | /api/displays                      | {"name":"x","tags":[""]}                      | 400 | tags[0]
            POST   | /api/displays                      | {"name":"x","timezone":"Mars/Olympus"}        | 422 | display-timezone-iana
            PATCH  | /api/displays/not-a-uuid           | {"name":"x"}                                  | 400 | displayId
            PATCH  | /api/displays/{display}            | {bad                                          | 400 | body
            PATCH  | /api/displays/{display}            | {"name":" "}                                  | 400 | name
            PATCH  | /api/displays/{display}            | {"nickname":"x"}                              | 400 | nickname
            PATCH  | /api/displays/{display}            | {"tags":{"a":1}}                              | 400 | tags
            PATCH  | /api/displays/{display}            | {"timezone":"Nowhere/Special"}                | 422 | display-timezone-iana
            PATCH  | /api/displays/{unknown}            | {"name":"x"}                                  | 404 | not-found
            POST   | /api/displays/not-a-uuid/device-token | ''                                         | 400 | displayId
            POST   | /api/displays/{unknown}/device-token  | ''                                         | 404 | not-found
            DELETE | /api/displays/not-a-uuid           | ''                                            | 400 | displayId
            DELETE | /api/displays/{unknown}            | ''                                            | 404 | not-found
            PUT    | /api/displays/not-a-uuid/playlist  | {"playlistId":"{playlist}"}                   | 400 | displayId
            PUT    | /api/displays/{display}/playlist   | {"playlistId":"nope"}                         | 400 | playlistId
            PUT    | /api/displays/{display}/playlist   | {"playlistId":42}                             | 400 | playlistId
            PUT    | /api/displays/{display}/playlist   | {}                                            | 400 | playlistId
            PUT    | /api/displays/{display}/playlist   | {"playlistId":"{unknown}"}                    | 404 | Playlist
            PUT    | /api/displays/{unknown}/playlist   | {"playlistId":"{playlist}"}                   | 404 | not-found
            DELETE | /api/displays/not-a-uuid/playlist  | ''                                            | 400 | displayId
            DELETE | /api/displays/{unknown}/playlist   | ''                                            | 404 | not-found
            POST   | /api/displays/{display}/schedule   | {bad                                          | 400 | body
            POST   | /api/displays/{display}/schedule   | {}                                            | 400 | playlistId
            POST   | /api/displays/{display}/schedule   | {"playlistId":"nope"}                         | 400 | playlistId
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","when":"now"}      | 400 | when
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","daysOfWeek":["Funday"]}           | 400 | daysOfWeek[0]
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","daysOfWeek":"MONDAY"}             | 400 | daysOfWeek
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","daysOfWeek":[null]}               | 400 | daysOfWeek[0]
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","daysOfWeek":["monday","MONDAY"]}  | 422 | schedule-days-distinct
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","startTime":"25:00","endTime":"26:00"} | 400 | startTime
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","startTime":"9:00","endTime":"17:00"}  | 400 | startTime
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","startTime":"09:00","endTime":"17:00:00.5"} | 400 | endTime
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","startTime":900,"endTime":1700}    | 400 | startTime
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","startTime":"09:00"}               | 422 | schedule-times-paired
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","startTime":"09:00","endTime":"09:00:00"} | 422 | schedule-times-distinct
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","startDate":"2026-02-30"}          | 400 | startDate
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","endDate":"tomorrow"}              | 400 | endDate
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","startDate":"2026-03-02","endDate":"2026-03-01"} | 422 | schedule-dates-ordered
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","priority":1001}                   | 400 | priority
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","priority":-1}                     | 400 | priority
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{playlist}","priority":"high"}                 | 400 | priority
            POST   | /api/displays/{display}/schedule   | {"playlistId":"{unknown}"}                                    | 404 | Playlist
            POST   | /api/displays/{unknown}/schedule   | {"playlistId":"{playlist}"}                                   | 404 | not-found
            POST   | /api/displays/not-a-uuid/schedule  | {"playlistId":"{playlist}"}                                   | 400 | displayId
            DELETE | /api/displays/{display}/schedule/not-a-uuid | ''                                   | 400 | entryId
            DELETE | /api/displays/{display}/schedule/{unknown}  | ''                                   | 404 | Schedule entry
            """)
    void bad_input_is_a_problem_naming_the_field_or_rule_and_stores_nothing(
            String method, String path, String body, int status, String named) throws Exception {
        // given
        long events = storedEvents();
        long tokens = storedTokens();

        // when
        MockHttpServletResponse answer = send(method, resolve(path), resolve(body));

        // then
        assertThat(answer.getStatus()).isEqualTo(status);
        assertThat(answer.getContentType()).startsWith("application/problem+json");
        assertThat(json(answer).get("status").asInt()).isEqualTo(status);
        assertThat(answer.getContentAsString()).contains(named);
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(storedTokens()).isEqualTo(tokens);
    }

    @Test
    void registering_answers_201_with_the_id_and_a_token_that_only_its_hash_is_kept_of() throws Exception {
        // when
        MockHttpServletResponse answer = send("POST", "/api/displays",
                "{\"name\":\"Hall\",\"location\":\"B\",\"timezone\":\"Asia/Tokyo\",\"tags\":[\"hall\"]}");

        // then
        assertThat(answer.getStatus()).isEqualTo(201);
        JsonNode body = json(answer);
        String displayId = body.get("displayId").asText();
        String token = body.get("deviceToken").asText();
        assertThat(token).matches(JWT);
        assertThat(answer.getHeader("Location")).isEqualTo("/api/displays/" + displayId);
        assertThat(answer.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.getHeader("Marquee-Position")).isNotBlank();
        assertThat(tokenRow(displayId)).containsExactly(1L, sha256Hex(token));
    }

    @Test
    void an_update_answers_200_and_an_empty_one_stores_nothing() throws Exception {
        long before = storedEvents();

        assertThat(send("PATCH", "/api/displays/" + display, "{\"name\":\"Renamed\",\"tags\":[\"a\"]}").getStatus())
                .isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before + 1);
        MockHttpServletResponse empty = send("PATCH", "/api/displays/" + display, "{}");

        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(empty.getHeader("Marquee-Position")).isNotBlank();
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void rotating_answers_201_with_a_new_token_and_replaces_the_stored_hash() throws Exception {
        // when
        MockHttpServletResponse answer = send("POST", "/api/displays/" + display + "/device-token", "");

        // then
        assertThat(answer.getStatus()).isEqualTo(201);
        assertThat(answer.getHeader("Cache-Control")).isEqualTo("no-store");
        String token = json(answer).get("deviceToken").asText();
        assertThat(tokenRow(display)).containsExactly(2L, sha256Hex(token));
    }

    @Test
    void a_command_whose_events_cannot_be_stored_leaves_the_token_table_as_it_was() throws Exception {
        // given a display at its second token
        String current = json(send("POST", "/api/displays/" + display + "/device-token", "")).get("deviceToken").asText();
        DisplayId displayId = new DisplayId(UUID.fromString(display));
        RegisterDisplayCommand sameIdAgain = new RegisterDisplayCommand(displayId, new OrganizationId(UUID.randomUUID()),
                "Duplicate", null, null, null, DeviceTokenHash.of(UUID.randomUUID().toString()));

        // when a registration under the same id writes its token row, then fails to append its first event
        assertThatThrownBy(() -> commands.sendAndWait(sameIdAgain)).isInstanceOf(RuntimeException.class);

        // then the row was rolled back with the events
        assertThat(tokenRow(display)).containsExactly(2L, sha256Hex(current));
    }

    @Test
    void a_decommissioned_display_loses_its_token_and_refuses_changes_with_409() throws Exception {
        // when
        MockHttpServletResponse first = send("DELETE", "/api/displays/" + display, "");
        long afterFirst = storedEvents();
        MockHttpServletResponse second = send("DELETE", "/api/displays/" + display, "");

        // then
        assertThat(first.getStatus()).isEqualTo(204);
        assertThat(second.getStatus()).isEqualTo(204);
        assertThat(storedEvents()).isEqualTo(afterFirst);
        assertThat(tokenRow(display)).isEmpty();
        for (String[] change : List.of(
                new String[] {"PATCH", "/api/displays/" + display, "{\"name\":\"x\"}"},
                new String[] {"POST", "/api/displays/" + display + "/device-token", ""},
                new String[] {"PUT", "/api/displays/" + display + "/playlist", "{\"playlistId\":\"" + playlist + "\"}"},
                new String[] {"DELETE", "/api/displays/" + display + "/playlist", ""},
                new String[] {"POST", "/api/displays/" + display + "/schedule", "{\"playlistId\":\"" + playlist + "\"}"})) {
            MockHttpServletResponse refused = send(change[0], change[1], change[2]);
            assertThat(refused.getStatus()).as(change[0] + " " + change[1]).isEqualTo(409);
            assertThat(json(refused).get("rule").asText()).isEqualTo("display-decommissioned");
        }
        assertThat(storedEvents()).isEqualTo(afterFirst);
        assertThat(tokenRow(display)).isEmpty();
    }

    @Test
    void an_archived_playlist_is_a_409_and_another_organizations_a_404() throws Exception {
        // given: archiving is done by the playlist side; here its directory row says so
        jdbc.update("UPDATE command_playlist_directory SET archived = TRUE WHERE playlist_id = ?", UUID.fromString(playlist));
        UUID foreign = UUID.randomUUID();
        jdbc.update("INSERT INTO command_playlist_directory (playlist_id, organization_id) VALUES (?, ?)",
                foreign, UUID.randomUUID());

        // then
        for (String path : List.of("/playlist", "/schedule")) {
            String method = path.equals("/playlist") ? "PUT" : "POST";
            MockHttpServletResponse archived = send(method, "/api/displays/" + display + path,
                    "{\"playlistId\":\"" + playlist + "\"}");
            assertThat(archived.getStatus()).isEqualTo(409);
            assertThat(json(archived).get("rule").asText()).isEqualTo("playlist-archived");
            assertThat(send(method, "/api/displays/" + display + path, "{\"playlistId\":\"" + foreign + "\"}").getStatus())
                    .isEqualTo(404);
        }
    }

    @Test
    void another_organizations_display_is_a_404() throws Exception {
        DisplayId foreign = DisplayId.random();
        commands.sendAndWait(new RegisterDisplayCommand(foreign, OrganizationId.random(), "Theirs", null, null, null,
                DeviceTokenHash.of(UUID.randomUUID().toString())));

        MockHttpServletResponse answer = send("PATCH", "/api/displays/" + foreign, "{\"name\":\"Mine now\"}");

        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(json(answer).get("detail").asText()).isEqualTo("Display " + foreign + " was not found");
    }

    @Test
    void a_schedule_entry_is_added_with_201_and_removed_with_204_once() throws Exception {
        // when
        MockHttpServletResponse added = send("POST", "/api/displays/" + display + "/schedule", """
                {"playlistId":"%s","daysOfWeek":["friday","Monday"],"startTime":"22:00","endTime":"06:00",
                 "startDate":"2026-01-01","endDate":"2026-12-31","priority":7}""".formatted(playlist));
        String entryId = json(added).get("entryId").asText();
        MockHttpServletResponse removed = send("DELETE", "/api/displays/" + display + "/schedule/" + entryId, "");
        MockHttpServletResponse again = send("DELETE", "/api/displays/" + display + "/schedule/" + entryId, "");

        // then
        assertThat(added.getStatus()).isEqualTo(201);
        assertThat(added.getHeader("Location")).isEqualTo("/api/displays/" + display + "/schedule/" + entryId);
        assertThat(removed.getStatus()).isEqualTo(204);
        assertThat(again.getStatus()).isEqualTo(404);
        assertThat(storedPayloadOfType("ScheduleEntryAddedEvent", entryId))
                .contains("\"daysOfWeek\":[\"MONDAY\",\"FRIDAY\"]", "\"startTime\":\"22:00:00\"", "\"endTime\":\"06:00:00\"",
                        "\"priority\":7");
    }

    private MockHttpServletResponse send(String method, String path, String body) throws Exception {
        return admin.send(mvc, method, path, body);
    }

    private String resolve(String text) {
        return text.replace("{display}", display).replace("{playlist}", playlist)
                .replace("{unknown}", UUID.randomUUID().toString());
    }

    private JsonNode json(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private long storedTokens() {
        return jdbc.queryForObject("SELECT count(*) FROM command_device_token", Long.class);
    }

    /** The generation and hash (hex) stored for a display, or nothing. */
    private List<Object> tokenRow(String displayId) {
        return jdbc.query("SELECT generation, token_sha256 FROM command_device_token WHERE display_id = ?",
                        (rs, n) -> List.<Object>of(rs.getLong(1), HexFormat.of().formatHex(rs.getBytes(2))),
                        UUID.fromString(displayId))
                .stream().findFirst().orElse(List.of());
    }

    private static String sha256Hex(String token) {
        return HexFormat.of().formatHex(DeviceTokenHash.of(token).bytes());
    }

    private String storedPayloadOfType(String type, String containing) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE payload_type LIKE ?",
                        String.class, "%" + type).stream()
                .filter(payload -> payload.contains(containing)).findFirst().orElseThrow();
    }
}
