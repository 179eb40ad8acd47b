package io.marquee.projections;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.events.Topics;
import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.content.ContentUpdatedEvent;
import io.marquee.events.display.DisplayDecommissionedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.ScheduleEntryAddedEvent;
import io.marquee.events.display.ScheduleEntryRemovedEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.ids.ScheduleEntryId;
import io.marquee.events.playlist.PlaylistArchivedEvent;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.events.playlist.PlaylistItemAddedEvent;
import io.marquee.events.playlist.PlaylistItemDurationChangedEvent;
import io.marquee.events.playlist.PlaylistItemMovedEvent;
import io.marquee.events.playlist.PlaylistItemRemovedEvent;
import io.marquee.events.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the manifest projection makes of the whole write-side domain. */
class DomainManifestIT extends ProjectionTestSupport {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void items_resolve_to_their_content_and_a_content_change_reaches_every_display_showing_it() {
        // given one content item in a playlist, shown by one display by default and by another on schedule
        ContentId content = ContentId.random();
        PlaylistId playlist = PlaylistId.random();
        DisplayId byDefault = DisplayId.random();
        DisplayId onSchedule = DisplayId.random();
        publish(envelope(new ContentCreatedEvent(content, org, "Welcome", "IMAGE", "https://cdn.example.com/w1.png",
                8, "sha256:abc", 1024L, FROM, UNTIL)));
        publish(envelope(new PlaylistCreatedEvent(playlist, org, "Loop",
                List.of(PlaylistItem.ofContent(PlaylistItemId.random(), content, null)))));
        register(byDefault);
        register(onSchedule);
        publish(envelope(new PlaylistAssignedEvent(byDefault, org, playlist)));
        publish(envelope(new ScheduleEntryAddedEvent(onSchedule, org, ScheduleEntryId.random(), playlist,
                List.of(), null, null, null, null, 0)));
        JsonNode item = awaitManifestJson(byDefault, m -> m.path("defaultPlaylist").path("items").size() == 1)
                .get("defaultPlaylist").get("items").get(0);
        assertThat(item.get("uri").asText()).isEqualTo("https://cdn.example.com/w1.png");
        assertThat(item.get("type").asText()).isEqualTo("IMAGE");
        assertThat(item.get("durationSeconds").asInt()).isEqualTo(8);
        assertThat(item.get("checksum").asText()).isEqualTo("sha256:abc");
        assertThat(item.get("sizeBytes").asLong()).isEqualTo(1024);
        assertThat(item.get("validUntil").asText()).isEqualTo("2027-01-01T00:00:00Z");
        long scheduledVersion = awaitManifestJson(onSchedule, m -> m.path("schedule").size() == 1).get("version").asLong();
        long defaultVersion = manifestJson(byDefault).get("version").asLong();

        // when the content changes
        publish(envelope(new ContentUpdatedEvent(content, org, "Welcome", "https://cdn.example.com/w2.png",
                12, null, null, null, null)));

        // then both manifests show it, one version later each
        JsonNode updated = awaitManifestJson(byDefault, m -> firstItemUri(m.get("defaultPlaylist")).endsWith("w2.png"));
        assertThat(updated.get("version").asLong()).isEqualTo(defaultVersion + 1);
        assertThat(updated.get("defaultPlaylist").get("items").get(0).get("durationSeconds").asInt()).isEqualTo(12);
        JsonNode scheduled = awaitManifestJson(onSchedule,
                m -> firstItemUri(m.get("schedule").get(0).get("playlist")).endsWith("w2.png"));
        assertThat(scheduled.get("version").asLong()).isEqualTo(scheduledVersion + 1);

        // and when it is archived, it disappears from both
        publish(envelope(new ContentArchivedEvent(content, org)));
        awaitManifestJson(byDefault, m -> m.get("defaultPlaylist").get("items").isEmpty());
        awaitManifestJson(onSchedule, m -> m.get("schedule").get(0).get("playlist").get("items").isEmpty());
    }

    @Test
    void playlist_edits_insert_move_retime_and_remove_items_in_the_manifest() {
        // given a display showing an empty playlist
        PlaylistId playlist = PlaylistId.random();
        DisplayId display = DisplayId.random();
        List<ContentId> contents = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            ContentId content = ContentId.random();
            contents.add(content);
            publish(envelope(new ContentCreatedEvent(content, org, name, "IMAGE",
                    "https://cdn.example.com/" + name + ".png", null, null, null, null, null)));
        }
        publish(envelope(new PlaylistCreatedEvent(playlist, org, "Edited", List.of())));
        register(display);
        publish(envelope(new PlaylistAssignedEvent(display, org, playlist)));
        PlaylistItemId a = PlaylistItemId.random();
        PlaylistItemId b = PlaylistItemId.random();
        PlaylistItemId c = PlaylistItemId.random();

        // when items are added (c first at 0, a at 0, b between), then b moves first, a gets 30 s, c goes
        publish(envelope(new PlaylistItemAddedEvent(playlist, org, PlaylistItem.ofContent(c, contents.get(2), null), 0)));
        publish(envelope(new PlaylistItemAddedEvent(playlist, org, PlaylistItem.ofContent(a, contents.get(0), null), 0)));
        publish(envelope(new PlaylistItemAddedEvent(playlist, org, PlaylistItem.ofContent(b, contents.get(1), 5), 1)));
        awaitManifestJson(display, m -> uris(m.get("defaultPlaylist")).equals(List.of("a", "b", "c")));
        publish(envelope(new PlaylistItemMovedEvent(playlist, org, b, 0)));
        publish(envelope(new PlaylistItemDurationChangedEvent(playlist, org, a, 30)));
        publish(envelope(new PlaylistItemRemovedEvent(playlist, org, c)));

        // then the manifest plays b (5 s) then a (30 s)
        JsonNode manifest = awaitManifestJson(display, m -> uris(m.get("defaultPlaylist")).equals(List.of("b", "a"))
                && m.get("defaultPlaylist").get("items").get(1).get("durationSeconds").asInt() == 30);
        assertThat(manifest.get("defaultPlaylist").get("items").get(0).get("durationSeconds").asInt()).isEqualTo(5);
    }

    @Test
    void schedule_entries_come_with_their_rules_highest_priority_first_and_an_archived_playlist_plays_nothing() {
        // given a display with a default playlist and two schedule entries
        DisplayId display = DisplayId.random();
        PlaylistId daytime = PlaylistId.random();
        PlaylistId weekend = PlaylistId.random();
        publish(envelope(new PlaylistCreatedEvent(daytime, org, "Daytime", List.of())));
        publish(envelope(new PlaylistCreatedEvent(weekend, org, "Weekend", List.of())));
        register(display);
        publish(envelope(new PlaylistAssignedEvent(display, org, daytime)));
        ScheduleEntryId low = ScheduleEntryId.random();
        ScheduleEntryId high = ScheduleEntryId.random();
        publish(envelope(new ScheduleEntryAddedEvent(display, org, low, daytime, List.of("MONDAY"),
                LocalTime.of(9, 0), LocalTime.of(17, 0), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 1)));
        publish(envelope(new ScheduleEntryAddedEvent(display, org, high, weekend, List.of("SATURDAY", "SUNDAY"),
                null, null, null, null, 10)));

        // then both entries are in the manifest, highest priority first, with their rules
        JsonNode manifest = awaitManifestJson(display, m -> m.get("schedule").size() == 2);
        JsonNode first = manifest.get("schedule").get(0);
        assertThat(first.get("entryId").asText()).isEqualTo(high.toString());
        assertThat(first.get("playlist").get("name").asText()).isEqualTo("Weekend");
        JsonNode second = manifest.get("schedule").get(1);
        assertThat(second.get("daysOfWeek").get(0).asText()).isEqualTo("MONDAY");
        assertThat(second.get("startTime").asText()).isEqualTo("09:00:00");
        assertThat(second.get("endDate").asText()).isEqualTo("2026-12-31");

        // when the daytime playlist is archived, it plays nowhere: neither as default nor on schedule
        publish(envelope(new PlaylistArchivedEvent(daytime, org)));
        JsonNode archived = awaitManifestJson(display, m -> m.get("defaultPlaylist").isNull());
        assertThat(archived.get("schedule")).hasSize(1);
        assertThat(archived.get("schedule").get(0).get("entryId").asText()).isEqualTo(high.toString());
    }

    @Test
    void a_removed_schedule_entry_delivered_again_as_added_stays_removed() {
        // given an entry added, then removed
        DisplayId display = DisplayId.random();
        PlaylistId playlist = PlaylistId.random();
        ScheduleEntryId entry = ScheduleEntryId.random();
        publish(envelope(new PlaylistCreatedEvent(playlist, org, "Loop", List.of())));
        register(display);
        EventEnvelope added = envelope(new ScheduleEntryAddedEvent(display, org, entry, playlist, List.of(),
                null, null, null, null, 0));
        publish(added);
        awaitManifestJson(display, m -> m.get("schedule").size() == 1);
        publish(envelope(new ScheduleEntryRemovedEvent(display, org, entry)));
        JsonNode removed = awaitManifestJson(display, m -> m.get("schedule").isEmpty());

        // when the old "added" event arrives again (a relay re-send), followed by a marker
        publish(added);
        DisplayId marker = DisplayId.random();
        register(marker);
        awaitStored(marker);

        // then nothing changed
        assertThat(manifestJson(display)).isEqualTo(removed);
    }

    @Test
    void a_decommissioned_display_gets_a_tombstone_and_loses_its_manifest() {
        DisplayId display = DisplayId.random();
        register(display);
        awaitManifest(display, row -> true);

        publish(envelope(new DisplayDecommissionedEvent(display, org)));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT 1 FROM display_manifest WHERE display_id = ?", display.value()).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> recordsOn(Topics.DISPLAY_MANIFESTS.name(), display.toString())
                .stream().anyMatch(record -> record.value() == null));
    }

    private void register(DisplayId display) {
        publish(envelope(new DisplayRegisteredEvent(display, org, "Screen", null, "Europe/Paris", List.of())));
    }

    private static String firstItemUri(JsonNode playlist) {
        JsonNode items = playlist == null ? null : playlist.get("items");
        return items == null || items.isEmpty() ? "" : items.get(0).get("uri").asText();
    }

    private static List<String> uris(JsonNode playlist) {
        List<String> names = new ArrayList<>();
        if (playlist != null && playlist.get("items") != null) {
            playlist.get("items").forEach(item -> names.add(item.get("uri").asText().replaceAll(".*/(\\w+)\\.png", "$1")));
        }
        return names;
    }
}
