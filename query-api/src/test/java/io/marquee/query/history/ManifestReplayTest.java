package io.marquee.query.history;

import io.marquee.events.MarqueeEvent;
import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.display.DisplayDecommissionedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.ScheduleEntryAddedEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.ids.ScheduleEntryId;
import io.marquee.events.manifest.DisplayManifest;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.events.playlist.PlaylistItemAddedEvent;
import io.marquee.events.playlist.PlaylistRenamedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay of a display's manifest, event by event, the way the manifest projection builds it. */
class ManifestReplayTest {

    private static final OrganizationId ORG = OrganizationId.random();
    private static final DisplayId DISPLAY = DisplayId.random();
    private static final PlaylistId PLAYLIST = PlaylistId.random();
    private static final ContentId CONTENT = ContentId.random();
    private static final PlaylistItemId ITEM = PlaylistItemId.random();
    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    private final ManifestReplay replay = new ManifestReplay(DISPLAY);

    @Test
    void a_registered_display_has_version_one_with_nothing_to_play() {
        // when
        alone(1, registered());

        // then
        DisplayManifest manifest = replay.finish().orElseThrow().manifest();
        assertThat(manifest.version()).isEqualTo(1);
        assertThat(manifest.position()).isEqualTo(1);
        assertThat(manifest.defaultPlaylist()).isNull();
        assertThat(manifest.timezone()).isEqualTo("Europe/Lisbon");
        assertThat(manifest.generatedAt()).isEqualTo(NOON);
    }

    @Test
    void events_applied_in_one_batch_make_one_version_and_each_batch_that_changes_something_another() {
        // given a display, then content, playlist and assignment in one batch
        alone(1, registered());
        inBatch(4, 2, created());
        inBatch(4, 3, playlist());
        inBatch(4, 4, new PlaylistAssignedEvent(DISPLAY, ORG, PLAYLIST));
        // and a rename in a batch of its own
        alone(5, new PlaylistRenamedEvent(PLAYLIST, ORG, "Evenings"));

        // then
        ManifestReplay.Replayed replayed = replay.finish().orElseThrow();
        assertThat(replayed.manifest().version()).isEqualTo(3);
        assertThat(replayed.manifest().position()).isEqualTo(5);
        assertThat(replayed.manifest().defaultPlaylist().name()).isEqualTo("Evenings");
        assertThat(replayed.manifest().defaultPlaylist().items()).singleElement()
                .satisfies(item -> assertThat(item.durationSeconds()).isEqualTo(12));
        assertThat(replayed.positions()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void a_change_that_a_player_does_not_see_makes_no_new_version() {
        // given a display showing a playlist
        alone(1, registered());
        alone(2, playlist());
        alone(3, new PlaylistAssignedEvent(DISPLAY, ORG, PLAYLIST));

        // when the playlist is renamed to the name it has
        alone(4, new PlaylistRenamedEvent(PLAYLIST, ORG, "Mornings"));

        // then the version and its position stay
        DisplayManifest manifest = replay.finish().orElseThrow().manifest();
        assertThat(manifest.version()).isEqualTo(2);
        assertThat(manifest.position()).isEqualTo(3);
    }

    @Test
    void archived_content_leaves_the_playlist_and_unknown_content_never_enters_it() {
        // given a playlist showing content, and an item of content that never existed
        alone(1, registered());
        alone(2, created());
        alone(3, playlist());
        alone(4, new PlaylistItemAddedEvent(PLAYLIST, ORG, PlaylistItem.ofContent(PlaylistItemId.random(),
                ContentId.random(), null), 0));
        alone(5, new PlaylistAssignedEvent(DISPLAY, ORG, PLAYLIST));
        assertThat(replay.finish().orElseThrow().manifest().defaultPlaylist().items()).hasSize(1);

        // when the content is archived
        alone(6, new ContentArchivedEvent(CONTENT, ORG));

        // then the playlist plays nothing
        DisplayManifest manifest = replay.finish().orElseThrow().manifest();
        assertThat(manifest.defaultPlaylist().items()).isEmpty();
        assertThat(manifest.version()).isEqualTo(3);
    }

    @Test
    void schedule_entries_come_by_priority_then_in_the_order_they_were_added() {
        // given three entries
        alone(1, registered());
        alone(2, playlist());
        ScheduleEntryId low = ScheduleEntryId.random();
        ScheduleEntryId firstHigh = ScheduleEntryId.random();
        ScheduleEntryId secondHigh = ScheduleEntryId.random();
        alone(3, entry(low, 1));
        alone(4, entry(firstHigh, 5));
        alone(5, entry(secondHigh, 5));

        // then
        assertThat(replay.finish().orElseThrow().manifest().schedule())
                .extracting(entry -> entry.entryId())
                .containsExactly(firstHigh.value(), secondHigh.value(), low.value());
    }

    @Test
    void a_decommissioned_or_never_registered_display_has_no_manifest() {
        alone(1, playlist());
        assertThat(replay.finish()).isEmpty();

        alone(2, registered());
        alone(3, new DisplayDecommissionedEvent(DISPLAY, ORG));
        assertThat(replay.finish()).isEmpty();
    }

    @Test
    void another_displays_events_change_nothing() {
        alone(1, registered());
        alone(2, playlist());
        alone(3, new PlaylistAssignedEvent(DisplayId.random(), ORG, PLAYLIST));

        DisplayManifest manifest = replay.finish().orElseThrow().manifest();
        assertThat(manifest.defaultPlaylist()).isNull();
        assertThat(manifest.version()).isEqualTo(1);
    }

    private void alone(long position, MarqueeEvent event) {
        inBatch(position, position, event);
    }

    private void inBatch(long batchEnd, long position, MarqueeEvent event) {
        replay.apply(new RecordedEvent(position, event, batchEnd, NOON));
    }

    private static DisplayRegisteredEvent registered() {
        return new DisplayRegisteredEvent(DISPLAY, ORG, "Counter", null, "Europe/Lisbon", List.of());
    }

    private static ContentCreatedEvent created() {
        return new ContentCreatedEvent(CONTENT, ORG, "Menu", "IMAGE", "https://cdn.example.com/menu.png", 12,
                null, null, null, null);
    }

    private static PlaylistCreatedEvent playlist() {
        return new PlaylistCreatedEvent(PLAYLIST, ORG, "Mornings", List.of(PlaylistItem.ofContent(ITEM, CONTENT, null)));
    }

    private static ScheduleEntryAddedEvent entry(ScheduleEntryId id, int priority) {
        return new ScheduleEntryAddedEvent(DISPLAY, ORG, id, PLAYLIST, List.of(), null, null, null, null, priority);
    }
}
