package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A display's device token end to end: shown once, stored only as a hash, replaced on rotation, and
 * never in an event (stored or relayed), a later response or the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeviceTokenIT extends DisplayPlatform {

    @Test
    void a_new_display_gets_its_token_once_and_only_its_hash_is_kept() {
        // when
        CreatedDisplay display = registerDisplay();

        // then
        assertThat(display.answer().status()).isEqualTo(201);
        assertThat(display.answer().header("Cache-Control")).contains("no-store");
        assertThat(display.deviceToken()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(tokenRow(display.displayId())).containsExactly(1L, sha256Hex(display.deviceToken()));
    }

    @Test
    void later_responses_never_show_the_token_again() {
        // given
        CreatedDisplay display = registerDisplay();
        String path = "/api/displays/" + display.displayId();

        // when the display is changed and read again
        List<HttpProbe.Answer> later = List.of(
                http().send("PATCH", path, "{\"location\":\"Hall\"}", "Content-Type", "application/json"),
                http().put(path + "/playlist", "{\"playlistId\":\"" + createPlaylist() + "\"}"),
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                        .until(() -> http().get(path + "/manifest"), answer -> answer.status() == 200));

        // then
        for (HttpProbe.Answer answer : later) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.raw().headers().map().toString() + answer.raw().body())
                    .doesNotContain(tracesOf(display.deviceToken()));
        }
    }

    @Test
    void rotating_answers_a_new_token_and_the_old_hash_is_gone() {
        // given
        CreatedDisplay display = registerDisplay();

        // when
        HttpProbe.Answer rotated = http().send("POST", "/api/displays/" + display.displayId() + "/device-token", "");

        // then
        assertThat(rotated.status()).isEqualTo(201);
        assertThat(rotated.header("Cache-Control")).contains("no-store");
        String newToken = rotated.json().get("deviceToken").asText();
        assertThat(newToken).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").isNotEqualTo(display.deviceToken());
        assertThat(tokenRow(display.displayId())).containsExactly(2L, sha256Hex(newToken));
        assertThat(tokenRowsWithHashOf(display.deviceToken())).isZero();
    }

    @Test
    void no_token_or_hash_reaches_a_stored_or_relayed_event_or_the_log(CapturedOutput log) {
        // given a display whose token was rotated once
        CreatedDisplay display = registerDisplay();
        String rotated = http().send("POST", "/api/displays/" + display.displayId() + "/device-token", "")
                .json().get("deviceToken").asText();

        // when its events reach Kafka
        List<JsonNode> relayed = awaitRelayed(display.displayId(),
                envelopes -> countOfType(envelopes, "DeviceTokenIssued") >= 2);

        // then the generations are there, the secrets nowhere
        assertThat(relayed).filteredOn(envelope -> envelope.get("type").asText().equals("DeviceTokenIssued"))
                .extracting(envelope -> envelope.get("payload").get("generation").asLong())
                .containsExactly(1L, 2L);
        for (String token : List.of(display.deviceToken(), rotated)) {
            assertThat(everyStoredEvent()).allSatisfy(event -> assertThat(event).doesNotContain(tracesOf(token)));
            assertThat(relayed).allSatisfy(envelope -> assertThat(envelope.toString()).doesNotContain(tracesOf(token)));
            assertThat(log.getAll()).doesNotContain(tracesOf(token));
        }
    }
}
