package io.marquee.projections.rebuild;

import io.marquee.events.Topics;
import io.marquee.projections.Projector;
import io.marquee.projections.ReplayRows;
import io.marquee.projections.stream.EventReader;
import io.marquee.projections.stream.ReadEvent;
import io.marquee.projections.stream.UnreadableRecordException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * One rebuild: replays the topic into the side schema batch by batch (each batch one transaction, then
 * the offsets; the next batches are fetched and read meanwhile, see {@link ReplayPipeline}), and once caught
 * up switches in one transaction: lock the live tables, apply what is left up to the end offsets read
 * under the lock (the live projection cannot have applied anything past them), swap the tables, let the
 * projection republish what changed, record the version, commit.
 */
final class RebuildRun {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);
    /**
     * How long a poll waits when nothing is fetched. Records are returned as soon as they arrive, so this
     * only matters at the end of the topic, where the last fetch brings a transaction's commit marker and no
     * records: each such poll waited its whole timeout before the positions reached the end offsets. At
     * 500 ms that was up to a second of idling before the switch, a third of a 60,000-event replay.
     */
    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * Events applied, at most, between two checkpoints: a crashed or killed rebuild replays at most this many
     * again, and at most the rows they touch are held on top of those kept from before.
     */
    private static final int CHECKPOINT_EVERY = 100_000;
    /**
     * Rows kept held past a checkpoint, at most; more are forgotten, and read again when touched. A display row
     * is a few hundred bytes in memory, a playlist's grows with its items.
     */
    private static final int MAX_HELD_ROWS = 50_000;

    private final RebuildableProjection projection;
    private final ProjectionRebuilds.Options options;
    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaAdmin kafkaAdmin;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventReader reader = EventReader.withoutPayloads();
    private final SideSchema side;
    /** The replay's rows between checkpoints; only the pipeline's writer thread, or the switch, touches them. */
    private final ReplayRows held = new ReplayRows();

    RebuildRun(RebuildableProjection projection, ProjectionRebuilds.Options options,
               ConsumerFactory<String, byte[]> consumers, KafkaAdmin kafkaAdmin, JdbcTemplate jdbc,
               TransactionTemplate transaction) {
        this.projection = projection;
        this.options = options;
        this.consumers = consumers;
        this.kafkaAdmin = kafkaAdmin;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.side = new SideSchema(jdbc);
    }

    ProjectionRebuilds.Outcome run() {
        String searchPath = jdbc.queryForObject("SHOW search_path", String.class);
        SideSchema.Run run = side.prepare(projection);
        String groupId = run.groupId(projection.name());
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(groupId, "marquee-rebuild", null, settings(options.batchSize()));
             ReplayPipeline<ReadEvent> pipeline = new ReplayPipeline<>(consumer, this::read,
                     events -> apply(run.schema(), events), () -> checkpoint(run.schema()), CHECKPOINT_EVERY)) {
            List<TopicPartition> partitions = assign(consumer);
            Progress progress = new Progress(projection.name(), consumer, partitions, options);
            long batches = 0;
            while (!options.stop().getAsBoolean() && batches < options.maxBatches()) {
                // the next batch is fetched while the ones before are read and applied
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    pipeline.submit(records);
                    batches++;
                }
                progress.maybeReport();
                // only at the end: a poll can come back empty mid-topic too, and finishing stores what is held
                if (records.isEmpty() && progress.caughtUp()) {
                    pipeline.finish();
                    progress.report(); // the replay's own rate, before the switch
                    if (trySwitch(run, searchPath, consumer, partitions)) {
                        progress.report();
                        deleteGroup(groupId);
                        return ProjectionRebuilds.Outcome.SWITCHED;
                    }
                }
            }
            pipeline.finish();
            progress.report();
            return ProjectionRebuilds.Outcome.STOPPED;
        }
    }

    private static Properties settings(int batchSize) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(batchSize));
        // At the end of the topic the broker holds a fetch until this much time has passed, and answers a
        // connection's requests in order: the end offsets asked for right after (is the replay caught up?)
        // waited behind it, 400 ms of Kafka's default 500 at the end of every replay. While there is data
        // to read, fetches are answered at once whatever this says.
        settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        // Kafka's default 1 MiB per partition per fetch, not more: a tenant's events share one partition, and
        // on the load suite's topic (one organization) fetches of 8 MiB made a bare consumer 2.5 times slower
        // and this replay 16% slower (projections/README.md, "One partition, smaller fetches")
        return settings;
    }

    /** Every partition, from the group's committed offset (a resumed run) or the beginning. */
    private static List<TopicPartition> assign(Consumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        seekToCommitted(consumer, partitions);
        return partitions;
    }

    private static void seekToCommitted(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        partitions.forEach(partition -> {
            OffsetAndMetadata offset = committed.get(partition);
            consumer.seek(partition, offset != null ? offset.offset() : beginning.get(partition));
        });
    }

    /** A batch's events; a poison record is left out (the live projection dead-letters it). */
    private List<ReadEvent> read(ConsumerRecords<String, byte[]> records) {
        List<ReadEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(reader.read(record.value()));
            } catch (UnreadableRecordException poison) {
                // a rebuild only leaves it out
            }
        }
        return events;
    }

    /**
     * Events into the side tables, in one transaction (joining the switch's when inside it); the rows of the
     * projectors' {@link io.marquee.projections.RowTable}s stay {@link #held} until the next checkpoint. Nobody
     * reads the side tables before the switch, which recomputes every manifest, so the projectors replay
     * without working out which displays the events reached ({@link Projector#replayAll}).
     */
    private void apply(String schema, List<ReadEvent> events) {
        inSideSchema(schema, () -> projection.projectors().forEach(projector -> projector.replayAll(events, held)));
    }

    /** Writes the held rows created or changed since the last checkpoint, in one transaction (or the switch's). */
    private void checkpoint(String schema) {
        inSideSchema(schema, held::flush);
        if (held.size() > MAX_HELD_ROWS) {
            held.clear();
        }
    }

    /** Runs {@code work} in a transaction (joining the switch's when inside it) whose unqualified tables are the side ones. */
    private void inSideSchema(String schema, Runnable work) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO " + schema);
            work.run();
        });
    }

    /**
     * False if the switch lost a deadlock (e.g. with a reader that locks the tables in another order; the
     * switch waits first, so PostgreSQL picks it): its transaction rolled back, so the consumer goes back
     * to the committed offsets and the next catch-up tries again.
     */
    private boolean trySwitch(SideSchema.Run run, String searchPath, Consumer<String, byte[]> consumer,
                              List<TopicPartition> partitions) {
        try {
            switchOver(run, searchPath, consumer, partitions);
            return true;
        } catch (PessimisticLockingFailureException lost) {
            log.warn("The switch of {} gave way to a lock conflict; trying again: {}", projection.name(), lost.getMessage());
            // the rolled-back switch may have applied and flushed rows: read them again from the side tables
            held.clear();
            seekToCommitted(consumer, partitions);
            return false;
        }
    }

    private void switchOver(SideSchema.Run run, String searchPath, Consumer<String, byte[]> consumer,
                            List<TopicPartition> partitions) {
        String live = side.liveSchema();
        String retired = "retired_" + projection.name() + "_" + run.runId().toString().substring(0, 8);
        TableSwap swap = new TableSwap(jdbc);
        transaction.executeWithoutResult(status -> {
            swap.lock(live, projection.tables());
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    apply(run.schema(), read(records));
                }
            }
            checkpoint(run.schema());
            jdbc.execute("SET LOCAL search_path TO " + searchPath);
            swap.swap(live, run.schema(), retired, projection.tables());
            projection.afterSwitch().run();
            new ProjectionVersions(jdbc).record(projection.name(), projection.version());
        });
        consumer.commitSync();
        log.info("Switched {} to version {}; dropping the old tables", projection.name(), projection.version());
        side.dropRetired(retired, projection.tables());
        side.drop(run.schema());
    }

    private void deleteGroup(String groupId) {
        try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            admin.deleteConsumerGroups(List.of(groupId)).all().get();
        } catch (Exception e) {
            // only a leftover name in the group list: harmless
            log.warn("Could not delete the finished rebuild's consumer group {}", groupId, e);
        }
    }
}
