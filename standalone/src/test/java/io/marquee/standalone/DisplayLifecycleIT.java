package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A display's life after registration, end to end: details, schedule, decommissioning. */
class DisplayLifecycleIT extends DisplayPlatform {

    @Test
    void a_decommissioned_display_loses_its_token_and_refuses_every_later_command_with_409() {
        // given a display with a playlist and a schedule entry
        CreatedDisplay display = registerDisplay();
        String path = "/api/displays/" + display.displayId();
        String playlist = createPlaylist();
        http().put(path + "/playlist", "{\"playlistId\":\"" + playlist + "\"}");
        String entry = http().post(path + "/schedule", "{\"playlistId\":\"" + playlist + "\"}").json().get("entryId").asText();

        // when
        HttpProbe.Answer decommissioned = http().send("DELETE", path, "");

        // then
        assertThat(decommissioned.status()).isEqualTo(204);
        assertThat(tokenRow(display.displayId())).isEmpty();
        long stored = storedEvents();
        List<HttpProbe.Answer> refused = List.of(
                http().send("PATCH", path, "{\"name\":\"Back\"}", "Content-Type", "application/json"),
                http().send("POST", path + "/device-token", ""),
                http().put(path + "/playlist", "{\"playlistId\":\"" + playlist + "\"}"),
                http().send("DELETE", path + "/playlist", ""),
                http().post(path + "/schedule", "{\"playlistId\":\"" + playlist + "\"}"),
                http().send("DELETE", path + "/schedule/" + entry, ""));
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.json().get("rule").asText()).isEqualTo("display-decommissioned");
        });
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(tokenRow(display.displayId())).isEmpty();
    }

    @Test
    void decommissioning_twice_answers_204_and_changes_nothing() {
        CreatedDisplay display = registerDisplay();
        http().send("DELETE", "/api/displays/" + display.displayId(), "");
        long stored = storedEvents();

        HttpProbe.Answer again = http().send("DELETE", "/api/displays/" + display.displayId(), "");

        assertThat(again.status()).isEqualTo(204);
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void updates_and_schedule_entries_are_relayed_as_events() {
        // given
        CreatedDisplay display = registerDisplay();
        String path = "/api/displays/" + display.displayId();
        String playlist = createPlaylist();

        // when
        HttpProbe.Answer updated = http().send("PATCH", path,
                "{\"timezone\":\"America/New_York\",\"tags\":[\"east\",\"lobby\"]}", "Content-Type", "application/json");
        HttpProbe.Answer added = http().post(path + "/schedule", """
                {"playlistId":"%s","daysOfWeek":["saturday","sunday"],"startTime":"22:00","endTime":"02:00",
                 "startDate":"2026-06-01","priority":10}""".formatted(playlist));
        String entry = added.json().get("entryId").asText();
        HttpProbe.Answer removed = http().send("DELETE", path + "/schedule/" + entry, "");

        // then
        assertThat(updated.status()).isEqualTo(200);
        assertThat(added.status()).isEqualTo(201);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.position()).isGreaterThan(added.position()).isGreaterThan(updated.position());
        List<JsonNode> relayed = awaitRelayed(display.displayId(),
                envelopes -> countOfType(envelopes, "ScheduleEntryRemoved") == 1);
        JsonNode update = payloadOf(relayed, "DisplayUpdated");
        assertThat(update.get("timezone").asText()).isEqualTo("America/New_York");
        assertThat(update.get("name").asText()).startsWith("Display ");
        JsonNode schedule = payloadOf(relayed, "ScheduleEntryAdded");
        assertThat(schedule.get("entryId").asText()).isEqualTo(entry);
        assertThat(schedule.get("daysOfWeek")).extracting(JsonNode::asText).containsExactly("SATURDAY", "SUNDAY");
        assertThat(schedule.get("startTime").asText()).isEqualTo("22:00:00");
        assertThat(schedule.get("endTime").asText()).isEqualTo("02:00:00");
        assertThat(schedule.get("startDate").asText()).isEqualTo("2026-06-01");
        assertThat(schedule.get("endDate").isNull()).isTrue();
        assertThat(schedule.get("priority").asInt()).isEqualTo(10);
    }

    private static JsonNode payloadOf(List<JsonNode> envelopes, String type) {
        return envelopes.stream().filter(envelope -> envelope.get("type").asText().equals(type))
                .findFirst().orElseThrow().get("payload");
    }
}
