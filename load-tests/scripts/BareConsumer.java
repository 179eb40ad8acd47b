import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The rebuild benchmark's same-run baseline: a bare KafkaConsumer (what kafka-consumer-perf-test does)
 * reads the whole topic from the start and counts the records, deserializing nothing, with the fetch
 * settings the rebuild uses. Usage: java -cp LIBS BareConsumer.java BOOTSTRAP [topic=marquee.events]
 */
public class BareConsumer {

    public static void main(String[] args) {
        String topic = args.length > 1 ? args[1] : "marquee.events";
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "rebuild-bench-bare-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20"); // as the rebuild: no fetch held at the end of the log
        try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long started = System.nanoTime();
            long read = 0;
            long bytes = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (var record : consumer.poll(Duration.ofMillis(50))) {
                    read++;
                    bytes += record.value() == null ? 0 : record.value().length;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("bare consumer: %d events (%.0f bytes each) in %.2f s, %.0f events/s%n",
                    read, read == 0 ? 0.0 : (double) bytes / read, seconds, read / seconds);
        }
    }
}
