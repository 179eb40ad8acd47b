package io.marquee.projections;

import io.marquee.events.EventEnvelope;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.events.playlist.PlaylistRenamedEvent;
import io.marquee.infra.runtime.SharedTestRuntime;
import io.marquee.projections.rebuild.ProjectionRebuilds;
import io.marquee.projections.rebuild.RebuildProgress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding the manifests' read models from the topic, through the real broker and database. */
class ProjectionRebuildIT extends ProjectionTestSupport {

    private record Scene(List<DisplayId> displays, PlaylistId spare) {
        List<UUID> ids() {
            return displays.stream().map(DisplayId::value).toList();
        }
    }

    @Autowired
    ProjectionRebuilds rebuilds;

    @Test
    void a_rebuild_under_concurrent_reads_and_writes_switches_to_identical_read_models() throws Exception {
        // given displays with manifests, and a reader of the live tables running throughout
        Scene scene = seed(12);
        Map<String, List<Map<String, Object>>> before = readModels(scene);
        int publishedBefore = manifestRecordsFor(scene.displays().get(0));
        List<RebuildProgress> reports = new CopyOnWriteArrayList<>();
        try (var reader = reader(scene)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.reads.get() >= scene.displays().size());
            // when the manifests projection is rebuilt while the live projection keeps applying new events
            CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20; i++) {
                    publish(envelope(new PlaylistRenamedEvent(scene.spare(), org, "Spare " + i)));
                }
            });
            var outcome = rebuilds.rebuild(rebuilds.projection("manifests"),
                    ProjectionRebuilds.Options.reportingTo(reports::add, Duration.ZERO).inBatchesOf(50));
            writes.get();
            publish(envelope(new PlaylistRenamedEvent(scene.spare(), org, "After the switch")));

            // then it switched, the live projection writes to the new tables, and no read failed or went back
            assertThat(outcome).isEqualTo(ProjectionRebuilds.Outcome.SWITCHED);
            await().atMost(Duration.ofSeconds(30)).until(() -> "After the switch".equals(jdbc.queryForObject(
                    "SELECT name FROM projection_playlist WHERE playlist_id = ?", String.class, scene.spare().value())));
            reader.close();
            assertThat(reader.failures).isEmpty();
        }
        // and the read models and manifests are identical, and no manifest was published again
        Map<String, List<Map<String, Object>>> after = readModels(scene);
        after.remove("projection_playlist_spare");
        before.remove("projection_playlist_spare");
        assertThat(after).isEqualTo(before);
        assertThat(manifestRecordsFor(scene.displays().get(0))).isEqualTo(publishedBefore);
        assertThat(reports).isNotEmpty().allSatisfy(report -> assertThat(report.total()).isPositive());
        assertThat(reports.get(reports.size() - 1).done()).isEqualTo(reports.get(reports.size() - 1).total());
        assertNothingLeftBehind();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM display_delivery WHERE organization_id = ?",
                Integer.class, org.value())).isEqualTo(scene.displays().size());
    }

    @Test
    void a_stopped_rebuild_resumes_where_it_stopped_and_ends_identical() throws Exception {
        // given displays with manifests
        Scene scene = seed(6);
        Map<String, List<Map<String, Object>>> before = readModels(scene);
        var manifests = rebuilds.projection("manifests");

        // when a rebuild stops after two batches of five events
        var first = rebuilds.rebuild(manifests, ProjectionRebuilds.Options
                .reportingTo(report -> { }, Duration.ofHours(1)).inBatchesOf(5).stoppingAfter(2));

        // then it kept its side tables and offsets, and the live tables are untouched
        assertThat(first).isEqualTo(ProjectionRebuilds.Outcome.STOPPED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rebuild_manifests.rebuild_run", Integer.class)).isOne();
        assertThat(readModels(scene)).isEqualTo(before);

        // when it runs again, it resumes there and switches, with identical results
        List<RebuildProgress> reports = new CopyOnWriteArrayList<>();
        var second = rebuilds.rebuild(manifests,
                ProjectionRebuilds.Options.reportingTo(reports::add, Duration.ZERO).inBatchesOf(500));
        assertThat(second).isEqualTo(ProjectionRebuilds.Outcome.SWITCHED);
        assertThat(reports.get(0).resumedAt()).isBetween(1L, 10L);
        assertThat(readModels(scene)).isEqualTo(before);
        assertNothingLeftBehind();
    }

    private Scene seed(int displayCount) {
        ContentId logo = ContentId.random();
        List<PlaylistId> playlists = List.of(PlaylistId.random(), PlaylistId.random(), PlaylistId.random());
        List<EventEnvelope> history = new ArrayList<>();
        history.add(envelope(new ContentCreatedEvent(logo, org, "Logo", "IMAGE", "https://cdn.example.com/logo.png",
                8, null, null, null, null)));
        for (PlaylistId playlist : playlists) {
            history.add(envelope(new PlaylistCreatedEvent(playlist, org, "Loop", List.of(
                    PlaylistItem.ofContent(PlaylistItemId.random(), logo, null),
                    new PlaylistItem(PlaylistItemId.random(), "https://cdn.example.com/" + playlist + ".png", 5, null)))));
        }
        PlaylistId spare = PlaylistId.random();
        history.add(envelope(new PlaylistCreatedEvent(spare, org, "Spare", List.of())));
        List<DisplayId> displays = new ArrayList<>();
        for (int i = 0; i < displayCount; i++) {
            DisplayId display = DisplayId.random();
            displays.add(display);
            history.add(envelope(new DisplayRegisteredEvent(display, org, "Display " + i, null, "UTC", List.of())));
            history.add(envelope(new PlaylistAssignedEvent(display, org, playlists.get(i % playlists.size()))));
        }
        history.forEach(this::publish);
        for (int i = 0; i < displayCount; i++) {
            String playlist = playlists.get(i % playlists.size()).toString();
            awaitManifest(displays.get(i), row -> new String((byte[]) row.get("body"), StandardCharsets.UTF_8)
                    .contains(playlist));
        }
        return new Scene(displays, spare);
    }

    /** This organization's rows of every table the manifests projection owns, and its manifests. */
    private Map<String, List<Map<String, Object>>> readModels(Scene scene) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put("projection_display", jdbc.queryForList(
                "SELECT * FROM projection_display WHERE organization_id = ? ORDER BY display_id", org.value()));
        rows.put("projection_playlist", jdbc.queryForList("""
                SELECT playlist_id, name, items::text, archived, last_position FROM projection_playlist
                WHERE organization_id = ? AND playlist_id <> ? ORDER BY playlist_id""", org.value(), scene.spare().value()));
        rows.put("projection_playlist_spare", jdbc.queryForList(
                "SELECT name FROM projection_playlist WHERE playlist_id = ?", scene.spare().value()));
        rows.put("projection_content", jdbc.queryForList(
                "SELECT * FROM projection_content WHERE organization_id = ? ORDER BY content_id", org.value()));
        rows.put("display_manifest", jdbc.queryForList("""
                SELECT display_id, version, position, content_hash, generated_at FROM display_manifest
                WHERE organization_id = ? ORDER BY display_id""", org.value()));
        rows.values().forEach(list -> list.replaceAll(row -> {
            Map<String, Object> comparable = new LinkedHashMap<>();
            row.forEach((column, value) -> comparable.put(column, value == null ? null : value.toString()));
            return comparable;
        }));
        return rows;
    }

    private ConcurrentReader reader(Scene scene) {
        var runtime = SharedTestRuntime.get();
        return new ConcurrentReader(runtime.jdbcUrl(), runtime.username(), runtime.password(), scene.ids());
    }

    private void assertNothingLeftBehind() {
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%' "
                + "OR nspname LIKE 'retired\\_%'", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT version FROM projection_version WHERE projection = 'manifests'",
                Integer.class)).isEqualTo(rebuilds.projection("manifests").version());
    }
}
