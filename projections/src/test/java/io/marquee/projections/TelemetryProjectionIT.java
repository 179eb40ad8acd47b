package io.marquee.projections;

import io.marquee.events.Topics;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.telemetry.HeartbeatReceived;
import io.marquee.events.telemetry.Play;
import io.marquee.events.telemetry.PlaysReported;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Display status, proof of play and delivery status, from telemetry records on the real broker and database. */
class TelemetryProjectionIT extends ProjectionTestSupport {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void the_newest_heartbeat_wins_and_redelivered_or_older_ones_change_nothing() {
        // given a heartbeat applied once
        DisplayId display = DisplayId.random();
        PlaylistItemId item = PlaylistItemId.random();
        HeartbeatReceived newest = new HeartbeatReceived(display, org, NOON, 3, item);
        send(Topics.DISPLAY_HEARTBEATS.name(), display.toString(), newest);
        awaitStatus(display, row -> ((Number) row.get("manifest_version")).longValue() == 3);

        // when it arrives again, followed by an older heartbeat and a marker display's heartbeat
        send(Topics.DISPLAY_HEARTBEATS.name(), display.toString(), newest);
        send(Topics.DISPLAY_HEARTBEATS.name(), display.toString(),
                new HeartbeatReceived(display, org, NOON.minusSeconds(60), 2, null));
        DisplayId marker = DisplayId.random();
        send(Topics.DISPLAY_HEARTBEATS.name(), marker.toString(), new HeartbeatReceived(marker, org, NOON, 1, null));
        awaitStatus(marker, row -> true);

        // then the status is still the newest heartbeat's
        Map<String, Object> row = statusRow(display);
        assertThat(((Number) row.get("manifest_version")).longValue()).isEqualTo(3);
        assertThat(row.get("current_item_id")).isEqualTo(item.value());
        assertThat(((java.sql.Timestamp) row.get("last_seen")).toInstant()).isEqualTo(NOON);
    }

    @Test
    void a_redelivered_report_is_recorded_and_counted_once_per_content_display_and_utc_day() {
        // given a report of three plays of one content, two of them on 1 March (UTC) and one on 2 March
        DisplayId display = DisplayId.random();
        ContentId content = ContentId.random();
        PlaysReported report = new PlaysReported(UUID.randomUUID(), display, org, NOON, List.of(
                new Play(PlaylistItemId.random(), content, 4, Instant.parse("2026-03-01T00:00:05Z"), 10_000),
                new Play(PlaylistItemId.random(), content, 4, Instant.parse("2026-03-01T23:59:59Z"), 5_000),
                new Play(PlaylistItemId.random(), content, 4, Instant.parse("2026-03-02T00:00:01Z"), 7_000)));

        // when it is delivered twice, followed by a marker report
        send(Topics.PROOF_OF_PLAY.name(), display.toString(), report);
        send(Topics.PROOF_OF_PLAY.name(), display.toString(), report);
        UUID marker = UUID.randomUUID();
        send(Topics.PROOF_OF_PLAY.name(), display.toString(), new PlaysReported(marker, display, org, NOON, List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM play_report WHERE report_id = ?", marker) == 1);

        // then its plays are kept once, with what makes them meaningful later, and counted once
        assertThat(count("SELECT count(*) FROM proof_of_play WHERE report_id = ?", report.reportId())).isEqualTo(3);
        Map<String, Object> first = jdbc.queryForMap(
                "SELECT content_id, manifest_version, duration_ms FROM proof_of_play WHERE report_id = ? AND play_index = 0",
                report.reportId());
        assertThat(first).containsEntry("content_id", content.value()).containsEntry("manifest_version", 4L)
                .containsEntry("duration_ms", 10_000L);
        List<Map<String, Object>> daily = jdbc.queryForList(
                "SELECT day, plays, duration_ms FROM play_count_daily WHERE content_id = ? AND display_id = ? ORDER BY day",
                content.value(), display.value());
        assertThat(daily).hasSize(2);
        assertThat(((java.sql.Date) daily.get(0).get("day")).toLocalDate()).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(daily.get(0)).containsEntry("plays", 2L).containsEntry("duration_ms", 15_000L);
        assertThat(daily.get(1)).containsEntry("plays", 1L).containsEntry("duration_ms", 7_000L);
    }

    @Test
    void delivery_status_says_whether_a_display_runs_its_latest_manifest_version() {
        // given a display with a manifest
        DisplayId display = DisplayId.random();
        publish(envelope(new DisplayRegisteredEvent(display, org, "Lobby", null, "UTC", List.of())));
        long latest = ((Number) awaitManifest(display, row -> true).get("version")).longValue();

        // when it reports an older version, then the latest
        send(Topics.DISPLAY_HEARTBEATS.name(), display.toString(), new HeartbeatReceived(display, org, NOON, latest - 1, null));
        Map<String, Object> behind = awaitDelivery(display, row -> row.get("applied_version") != null);
        send(Topics.DISPLAY_HEARTBEATS.name(), display.toString(),
                new HeartbeatReceived(display, org, NOON.plusSeconds(30), latest, null));

        // then it is behind first, and up to date once it runs the latest version
        assertThat(behind).containsEntry("up_to_date", false).containsEntry("latest_version", latest);
        awaitDelivery(display, row -> Boolean.TRUE.equals(row.get("up_to_date")));
    }

    @Test
    void a_poison_telemetry_record_is_dead_lettered_and_the_partition_keeps_flowing() {
        // given a display's key
        DisplayId display = DisplayId.random();

        // when a record that is not a heartbeat arrives, then a good one with the same key
        sendRaw(Topics.DISPLAY_HEARTBEATS.name(), display.toString(), "{\"displayId\":".getBytes(StandardCharsets.UTF_8));
        send(Topics.DISPLAY_HEARTBEATS.name(), display.toString(), new HeartbeatReceived(display, org, NOON, 1, null));

        // then the poison record is parked with its reason, and the good one is applied
        awaitStatus(display, row -> true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var parked = recordsOn(Topics.TELEMETRY_DEAD_LETTER.name(), display.toString());
            assertThat(parked).hasSize(1);
            assertThat(new String(parked.get(0).headers().lastHeader("marquee.dlt.reason").value(), StandardCharsets.UTF_8))
                    .startsWith("not a HeartbeatReceived");
        });
    }

    private void send(String topic, String key, Object record) {
        try {
            sendRaw(topic, key, json.writeValueAsBytes(record));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private void sendRaw(String topic, String key, byte[] value) {
        try {
            kafka.send(topic, key, value).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish a telemetry record", e);
        }
    }

    private Map<String, Object> statusRow(DisplayId display) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM display_status WHERE display_id = ?", display.value());
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Map<String, Object> awaitStatus(DisplayId display, java.util.function.Predicate<Map<String, Object>> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> statusRow(display), row -> row != null && until.test(row));
    }

    private Map<String, Object> awaitDelivery(DisplayId display, java.util.function.Predicate<Map<String, Object>> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM display_delivery WHERE display_id = ?", display.value());
            return rows.isEmpty() ? null : rows.get(0);
        }, row -> row != null && until.test(row));
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
