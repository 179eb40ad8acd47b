package io.marquee.projections;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.projections.manifest.ManifestRefresher;
import io.marquee.projections.stream.ReadEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projectors apply a batch at a time (each row read and written once per batch); this checks that
 * a batch, whatever its boundaries, leaves the read models and manifests exactly as applying its events
 * one at a time does, and that a redelivered batch changes nothing. Each run applies the same seeded
 * history into side schemas of its own (as a rebuild does), so the live tables are not involved.
 */
class BatchProjectionIT extends ProjectionTestSupport {

    private static final List<String> TABLES = List.of("projection_display", "projection_playlist",
            "projection_content", "projection_schedule_entry", "projection_display_access", "display_manifest");

    @Autowired
    List<Projector> projectors;
    @Autowired
    ManifestRefresher manifests;
    @Autowired
    TransactionTemplate transaction;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void batches_of_any_size_leave_the_same_read_models_and_manifests_as_one_event_at_a_time(long seed) {
        // given a history that changes a few rows many times, with the odd re-sent event
        List<ReadEvent> history = history(seed, 400);

        // when it is applied one event per transaction, and in random batches
        String single = schema("single", seed);
        history.forEach(read -> applyBatch(single, List.of(read)));
        String batched = schema("batched", seed);
        randomBatches(history, new Random(seed)).forEach(batch -> applyBatch(batched, batch));

        // then every read model holds the same rows, and every display the same playable manifest (its
        // position is that of the newest row when its playable content last changed, which batch boundaries move)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + batched + ".display_manifest", Integer.class)).isPositive();
        for (String table : TABLES) {
            assertThat(rows(batched, table, false)).as(table).isEqualTo(rows(single, table, false));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8, 9})
    void a_redelivered_batch_changes_nothing_not_even_a_manifest_version(long seed) {
        // given a history applied in random batches
        List<ReadEvent> history = history(seed, 300);
        String schema = schema("redelivered", seed);
        List<List<ReadEvent>> batches = randomBatches(history, new Random(seed));
        batches.forEach(batch -> applyBatch(schema, batch));
        List<List<String>> before = TABLES.stream().map(table -> rows(schema, table, true)).toList();

        // when every batch is delivered again, then all of it as one batch
        batches.forEach(batch -> applyBatch(schema, batch));
        applyBatch(schema, history);

        // then nothing changed: rows, positions, manifest versions and bodies
        assertThat(TABLES.stream().map(table -> rows(schema, table, true)).toList()).isEqualTo(before);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {10, 11, 12})
    void a_rebuilds_replay_then_one_refresh_of_every_display_leaves_what_the_live_path_leaves(long seed) {
        // given a history applied as the live projection does: batch by batch, each batch's manifests refreshed
        List<ReadEvent> history = history(seed, 400);
        String live = schema("live", seed);
        randomBatches(history, new Random(seed)).forEach(batch -> applyBatch(live, batch));

        // when it is replayed as a rebuild does, in other batches, without asking which displays each batch
        // reached, its rows held in memory and stored at random checkpoints (after some of which they are
        // forgotten, and the batch before is delivered again, as after a resumed run), and every display's
        // manifest is refreshed once at the end (as the switch does)
        String replayed = schema("replayed", seed);
        ReplayRows held = new ReplayRows();
        Random checkpoints = new Random(seed * 31);
        List<ReadEvent> previous = List.of();
        for (List<ReadEvent> batch : randomBatches(history, new Random(~seed))) {
            replayBatch(replayed, batch, held);
            if (checkpoints.nextInt(4) == 0) {
                checkpoint(replayed, held);
                if (checkpoints.nextBoolean()) {
                    held.clear();
                    replayBatch(replayed, previous, held);
                }
            }
            previous = batch;
        }
        checkpoint(replayed, held);
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO " + replayed);
            manifests.refresh(jdbc.queryForList("SELECT display_id FROM projection_display", java.util.UUID.class)
                    .stream().map(DisplayId::new).toList());
        });

        // then the same rows in every read model, and the same playable manifest (content hash) per display
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + replayed + ".display_manifest", Integer.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM " + live + ".display_manifest", Integer.class))
                .isPositive();
        for (String table : TABLES) {
            assertThat(rows(replayed, table, false)).as(table).isEqualTo(rows(live, table, false));
        }
    }

    private List<ReadEvent> history(long seed, int count) {
        List<ReadEvent> history = new ArrayList<>();
        Random resends = new Random(~seed);
        for (MarqueeEvent event : new EventScript(seed, org).events(count)) {
            history.add(new ReadEvent(envelope(event), event));
            if (resends.nextInt(20) == 0) {
                // the relay re-sends an earlier event after a crash
                history.add(history.get(resends.nextInt(history.size())));
            }
        }
        return history;
    }

    private static List<List<ReadEvent>> randomBatches(List<ReadEvent> history, Random random) {
        List<List<ReadEvent>> batches = new ArrayList<>();
        for (int from = 0; from < history.size(); ) {
            int to = Math.min(history.size(), from + 1 + random.nextInt(random.nextBoolean() ? 5 : 120));
            batches.add(history.subList(from, to));
            from = to;
        }
        return batches;
    }

    /** As the live projection does: every projector takes the batch, then the touched manifests are refreshed. */
    private void applyBatch(String schema, List<ReadEvent> batch) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO " + schema);
            Set<DisplayId> affected = new HashSet<>();
            projectors.forEach(projector -> affected.addAll(projector.applyAll(batch)));
            manifests.refresh(affected);
        });
    }

    /** As a rebuild does: every projector replays the batch, and no manifest is refreshed. */
    private void replayBatch(String schema, List<ReadEvent> batch, ReplayRows held) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO " + schema);
            projectors.forEach(projector -> projector.replayAll(batch, held));
        });
    }

    private void checkpoint(String schema, ReplayRows held) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO " + schema);
            held.flush();
        });
    }

    /** A fresh schema with empty copies of the read-model tables. */
    private String schema(String name, long seed) {
        String schema = "batch_it_" + name + "_" + seed + "_" + Long.toHexString(System.nanoTime());
        String live = jdbc.queryForObject("SELECT current_schema()", String.class);
        jdbc.execute("CREATE SCHEMA " + schema);
        TABLES.forEach(table -> jdbc.execute(
                "CREATE TABLE " + schema + "." + table + " (LIKE " + live + "." + table + " INCLUDING ALL)"));
        return schema;
    }

    /** The table's rows as text, in key order; manifests without their version, position and time unless asked. */
    private List<String> rows(String schema, String table, boolean withVersions) {
        String columns = table.equals("display_manifest") && !withVersions
                ? "display_id, organization_id, content_hash" : "*";
        return jdbc.queryForList("SELECT t::text FROM (SELECT " + columns + " FROM " + schema + "."
                + table + ") AS t ORDER BY 1", String.class);
    }
}
