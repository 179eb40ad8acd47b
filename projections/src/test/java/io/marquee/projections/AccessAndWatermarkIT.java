package io.marquee.projections;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.events.EventEnvelope;
import io.marquee.events.Topics;
import io.marquee.events.display.DeviceTokenIssuedEvent;
import io.marquee.events.display.DisplayDecommissionedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.ids.DisplayId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Display access states and watermarks: published per batch, idempotent, never backwards. */
class AccessAndWatermarkIT extends ProjectionTestSupport {

    @Test
    void a_rotation_publishes_the_new_generation_and_a_late_old_event_changes_nothing() throws IOException {
        // given a display whose token was rotated once
        DisplayId display = DisplayId.random();
        EventEnvelope first = envelope(new DeviceTokenIssuedEvent(display, org, 1));
        publish(envelope(new DisplayRegisteredEvent(display, org, "Lobby", null, "UTC", List.of())));
        publish(first);
        publish(envelope(new DeviceTokenIssuedEvent(display, org, 2)));
        awaitAccess(display, row -> ((Number) row.get("token_generation")).longValue() == 2);

        // when the first issue is delivered again, late
        publish(first);
        EventEnvelope marker = envelope(new DisplayRegisteredEvent(DisplayId.random(), org, "Marker", null, "UTC", List.of()));
        publish(marker);
        awaitWatermark(marker.position());

        // then generation 2 still holds, in the table and as the latest record of the topic
        assertThat(accessRow(display).get("token_generation")).isEqualTo(2L);
        List<ConsumerRecord<String, byte[]>> records = recordsOn(Topics.DISPLAY_ACCESS.name(), display.toString());
        JsonNode latest = json.readTree(records.get(records.size() - 1).value());
        assertThat(latest.get("tokenGeneration").asLong()).isEqualTo(2);
        assertThat(latest.get("decommissioned").asBoolean()).isFalse();
    }

    @Test
    void decommissioning_is_published_for_good() throws IOException {
        // given
        DisplayId display = DisplayId.random();
        publish(envelope(new DeviceTokenIssuedEvent(display, org, 1)));

        // when
        EventEnvelope decommissioned = envelope(new DisplayDecommissionedEvent(display, org));
        publish(decommissioned);
        awaitAccess(display, row -> Boolean.TRUE.equals(row.get("decommissioned")));

        // then
        List<ConsumerRecord<String, byte[]>> records = recordsOn(Topics.DISPLAY_ACCESS.name(), display.toString());
        JsonNode latest = json.readTree(records.get(records.size() - 1).value());
        assertThat(latest.get("decommissioned").asBoolean()).isTrue();
        assertThat(latest.get("position").asLong()).isEqualTo(decommissioned.position());
    }

    @Test
    void the_watermark_of_an_organization_reaches_its_latest_event_and_is_published() throws IOException {
        // when
        EventEnvelope last = envelope(new DisplayRegisteredEvent(DisplayId.random(), org, "Hall", null, "UTC", List.of()));
        publish(last);

        // then
        awaitWatermark(last.position());
        List<ConsumerRecord<String, byte[]>> records = recordsOn(Topics.PROJECTION_WATERMARKS.name(), org.toString());
        assertThat(json.readTree(records.get(records.size() - 1).value()).get("position").asLong())
                .isEqualTo(last.position());
    }

    private void awaitWatermark(long position) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForList(
                "SELECT position FROM projection_watermark WHERE organization_id = ?", Long.class, org.value())
                .stream().anyMatch(reached -> reached >= position));
    }

    private void awaitAccess(DisplayId display, java.util.function.Predicate<Map<String, Object>> until) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> accessRow(display), row -> row != null && until.test(row));
    }

    private Map<String, Object> accessRow(DisplayId display) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT token_generation, decommissioned FROM projection_display_access WHERE display_id = ?", display.value());
        return rows.isEmpty() ? null : rows.get(0);
    }
}
