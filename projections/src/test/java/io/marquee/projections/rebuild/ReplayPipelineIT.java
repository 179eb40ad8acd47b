package io.marquee.projections.rebuild;

import io.marquee.infra.runtime.SharedTestRuntime;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rebuild's three stages against the real broker: batches are applied whole, once, in the order they
 * were polled, however long each stage takes, and their offsets are committed only once a checkpoint has
 * stored them; a batch that fails to apply stops every batch after it (read or not), and the offsets committed
 * are those of the last batch stored before it.
 */
class ReplayPipelineIT {

    private static final int RECORDS = 400;
    private static final int BATCH = 25;

    private final String bootstrap = SharedTestRuntime.get().bootstrapServers();
    private final String topic = "replay-pipeline-" + UUID.randomUUID();
    private final TopicPartition partition = new TopicPartition(topic, 0);

    /** Seeded random amounts of work in the reader and the writer move the stages against each other. */
    @ParameterizedTest
    @CsvSource({"1, 1", "2, 1", "3, 60", "4, 60", "5, 1000"})
    void batches_are_applied_whole_and_in_order_and_their_offsets_committed_once_stored(long seed, int checkpointEvery)
            throws Exception {
        publish();
        Random random = new Random(seed);
        List<Long> applied = Collections.synchronizedList(new ArrayList<>());
        List<Long> stored = Collections.synchronizedList(new ArrayList<>());
        try (KafkaConsumer<String, byte[]> consumer = consumer();
             ReplayPipeline<Long> pipeline = new ReplayPipeline<>(consumer,
                     records -> pause(random, offsetsOf(records)), batch -> applied.addAll(pause(random, batch)),
                     () -> store(applied, stored), checkpointEvery)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (consumer.position(partition) < RECORDS) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    pipeline.finish();
                } else {
                    pipeline.submit(records);
                }
            }
            pipeline.finish();
            assertThat(applied).containsExactlyElementsOf(range(0, RECORDS));
            assertThat(stored).containsExactlyElementsOf(range(0, RECORDS));
            assertThat(committed(consumer)).isEqualTo(RECORDS);
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "3, 1", "7, 1", "7, 10000"})
    void a_batch_that_fails_stops_the_ones_after_it_and_commits_only_what_was_stored(int failingBatch,
                                                                                      int checkpointEvery) throws Exception {
        publish();
        List<Long> applied = Collections.synchronizedList(new ArrayList<>());
        List<Long> stored = Collections.synchronizedList(new ArrayList<>());
        long failAt = (long) failingBatch * BATCH;
        try (KafkaConsumer<String, byte[]> consumer = consumer();
             ReplayPipeline<Long> pipeline = new ReplayPipeline<>(consumer, ReplayPipelineIT::offsetsOf, batch -> {
                 if (batch.contains(failAt)) {
                     throw new IllegalStateException("batch " + failingBatch + " refused");
                 }
                 applied.addAll(batch);
             }, () -> store(applied, stored), checkpointEvery)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            assertThatThrownBy(() -> {
                while (consumer.position(partition) < RECORDS) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                    if (!records.isEmpty()) {
                        pipeline.submit(records);
                    }
                }
                pipeline.finish();
            }).isInstanceOf(IllegalStateException.class).hasMessage("batch " + failingBatch + " refused");
            pipeline.finish(); // nothing is left in flight to apply

            // what was stored is whole batches from the start, none from the failing one on; a group of batches
            // is applied at once, so the batches just before the failing one may have failed with it
            assertThat(stored).containsExactlyElementsOf(range(0, stored.size()));
            assertThat(stored.size() % BATCH).isZero();
            assertThat((long) stored.size()).isLessThanOrEqualTo(checkpointEvery > RECORDS ? 0 : failAt);
            assertThat(committed(consumer)).isEqualTo(stored.isEmpty() ? -1 : stored.size());
        }
    }

    /** The checkpoint: what was applied in memory is now stored. */
    private static void store(List<Long> applied, List<Long> stored) {
        synchronized (applied) {
            stored.clear();
            stored.addAll(applied);
        }
    }

    private void publish() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, "key", ("record " + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The group's committed offset, -1 if none. */
    private long committed(KafkaConsumer<String, byte[]> consumer) {
        OffsetAndMetadata offset = consumer.committed(Set.of(partition)).get(partition);
        return offset == null ? -1 : offset.offset();
    }

    private static List<Long> offsetsOf(ConsumerRecords<String, byte[]> records) {
        List<Long> offsets = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            offsets.add(record.offset());
        }
        return offsets;
    }

    private static List<Long> range(long from, long to) {
        List<Long> range = new ArrayList<>();
        for (long i = from; i < to; i++) {
            range.add(i);
        }
        return range;
    }

    /** The stage's work, of a seeded random length (spent computing, not sleeping). */
    private static <T> T pause(Random random, T value) {
        int rounds;
        synchronized (random) {
            rounds = random.nextInt(200_000);
        }
        long mix = value.hashCode();
        for (int i = 0; i < rounds; i++) {
            mix = mix * 6364136223846793005L + 1442695040888963407L;
        }
        if (mix == 42) {
            throw new AssertionError("unreachable in practice; keeps the loop from being optimised away");
        }
        return value;
    }
}
