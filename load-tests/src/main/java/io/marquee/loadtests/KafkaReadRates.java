package io.marquee.loadtests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Scenario 6. {@code bare}: the baseline, a bare KafkaConsumer (what kafka-consumer-perf-test does)
 * reading the whole events topic from the start. {@code watch}: the figure, the rate at which a
 * rebuilding projections consumer group (a second platform process on a fresh database) works through
 * the same topic: all its events over the time from the group's first member joining to its committed
 * offsets reaching the end (the group's first poll and rebalance included).
 *
 * {@code caught-up}: waits (at most 10 minutes) until a consumer group, the platform's own projections,
 * has committed up to the end of the topic, so that neither measurement competes with the platform
 * still catching up on the earlier scenarios' writes (the broker serves both from the platform's core).
 *
 * <p>Usage: {@code KafkaReadRates bare|watch|caught-up bootstrapServers [topic=marquee.events] [group]}
 */
public final class KafkaReadRates {

    /** max.poll.records of the rebuilding process in scenario 6 (bench.sh passes the same) and of the baseline. */
    static final int REBUILD_POLL_RECORDS = 2_000;

    public static void main(String[] args) throws Exception {
        String bootstrap = args[1];
        String topic = args.length > 2 ? args[2] : "marquee.events";
        if (args[0].equals("bare")) {
            bare(bootstrap, topic);
        } else if (args[0].equals("caught-up")) {
            awaitCaughtUp(bootstrap, topic, args[3]);
        } else {
            watch(bootstrap, topic, args[3]);
        }
    }

    private static void bare(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "load-suite-bare-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the fetch settings of the rebuilding process (launched with the same max-poll-records)
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(REBUILD_POLL_RECORDS));
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20"); // as the rebuild: no fetch held at the end of the log
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long read = 0;
            long started = System.nanoTime();
            // done when every position reaches its end offset (a count of records never would if the topic
            // held transaction markers, which take offsets but are no records)
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                read += consumer.poll(Duration.ofMillis(50)).count();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            new Results().put("events", read).put("eventsPerSecond", read / seconds).save("kafka-baseline");
        }
    }

    private static void awaitCaughtUp(String bootstrap, String topic, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long end = endOffsets(admin, topic);
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (committed(admin, topic, group) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(group + " did not catch up with " + topic + " within 10 minutes");
                }
                Thread.sleep(200); // sampling the group's committed offsets
            }
        }
    }

    private static long endOffsets(Admin admin, String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    private static long committed(Admin admin, String topic, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static void watch(String bootstrap, String topic, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            long end = admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get().values().stream().mapToLong(info -> info.offset()).sum();
            long joined = -1;
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (joined < 0 && !admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().isEmpty()) {
                    joined = System.nanoTime(); // the rebuild starts reading from offset 0 now
                }
                long committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum();
                if (joined > 0 && committed >= end) {
                    double seconds = Math.max(0.001, (System.nanoTime() - joined) / 1e9);
                    new Results().put("events", end).put("seconds", seconds).put("eventsPerSecond", end / seconds).save("rebuild");
                    return;
                }
                Thread.sleep(20); // sampling the group's membership and committed offsets
            }
            throw new IllegalStateException("the rebuild did not reach the end of " + topic + " within 10 minutes");
        }
    }
}
