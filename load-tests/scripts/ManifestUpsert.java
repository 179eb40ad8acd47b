import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What storing a manifest's body costs PostgreSQL (why V6__manifest_body_not_stored.sql stopped it):
 * takes up to ROWS real manifests from the platform's manifest topic and upserts them, one transaction
 * of ROWS rows per round as a fan-out's chunks do, into three scratch copies of display_manifest:
 * with the body (compressed into TOAST, the default), without it, and with the body stored
 * uncompressed (STORAGE EXTERNAL). Rounds alternate the variants; each round changes every body so
 * every upsert writes a new value. Prints each variant's times and median (the first round left out).
 * Run it from another core than the platform's, against a running platform (its log names the
 * database's port; the embedded server trusts loopback):
 *   taskset -c 1 java -cp "$(cat load-tests/target/classpath.txt)" load-tests/scripts/ManifestUpsert.java \
 *     jdbc:postgresql://127.0.0.1:PORT/marquee 127.0.0.1:KAFKA_PORT [rounds=9] [rows=2000]
 */
public class ManifestUpsert {

    public static void main(String[] args) throws Exception {
        // the classpath's logback logs everything at DEBUG without a configuration
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        int limit = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        List<byte[]> bodies = manifests(args[1], limit);
        System.out.printf("%d manifests, %.0f bytes on average%n", bodies.size(),
                bodies.stream().mapToInt(body -> body.length).average().orElse(0));
        String[] variants = {"body", "nobody", "external"};
        try (Connection db = DriverManager.getConnection(args[0], "postgres", "postgres")) {
            try (Statement s = db.createStatement()) {
                for (String variant : variants) {
                    s.execute("DROP TABLE IF EXISTS scratch_upsert_" + variant);
                    s.execute("CREATE TABLE scratch_upsert_" + variant + " (LIKE display_manifest INCLUDING ALL)");
                }
                s.execute("ALTER TABLE scratch_upsert_external ALTER COLUMN body SET STORAGE EXTERNAL");
            }
            List<UUID> ids = bodies.stream().map(body -> UUID.randomUUID()).toList();
            Map<String, List<Long>> millis = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (String variant : variants) {
                    long start = System.nanoTime();
                    upsert(db, variant, ids, bodies, round);
                    millis.computeIfAbsent(variant, v -> new ArrayList<>()).add((System.nanoTime() - start) / 1_000_000);
                }
            }
            millis.forEach((variant, times) -> {
                List<Long> sorted = new ArrayList<>(times.subList(1, times.size()));
                Collections.sort(sorted);
                System.out.printf("%-9s %s median %d ms%n", variant, times, sorted.get(sorted.size() / 2));
            });
            try (Statement s = db.createStatement()) {
                for (String variant : variants) {
                    s.execute("DROP TABLE scratch_upsert_" + variant);
                }
            }
        }
    }

    /** One transaction, one statement batch: the upsert ManifestStore ran before V6, body included or empty. */
    private static void upsert(Connection db, String variant, List<UUID> ids, List<byte[]> bodies, int round) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO scratch_upsert_%s (display_id, organization_id, version, position, content_hash, body, generated_at)
                VALUES (?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (display_id) DO UPDATE SET version = EXCLUDED.version, position = EXCLUDED.position,
                    content_hash = EXCLUDED.content_hash, body = EXCLUDED.body, generated_at = EXCLUDED.generated_at"""
                .formatted(variant))) {
            for (int i = 0; i < ids.size(); i++) {
                byte[] body = bodies.get(i).clone();
                body[body.length - 2] = (byte) ('0' + round % 10); // a new value every round
                insert.setObject(1, ids.get(i));
                insert.setObject(2, ids.get(0));
                insert.setLong(3, round);
                insert.setLong(4, round);
                insert.setString(5, "%064x".formatted(round));
                insert.setBytes(6, variant.equals("nobody") ? new byte[0] : body);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /** The latest manifest of up to {@code limit} displays, read from the start of the compacted topic. */
    private static List<byte[]> manifests(String bootstrap, int limit) {
        Map<String, byte[]> latest = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            String topic = "marquee.display-manifests";
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                });
            }
        }
        return latest.values().stream().limit(limit).toList();
    }
}
