package io.marquee.infra.runtime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded runtime behaves like the real thing where Marquee depends on it: records flow,
 * clients ride out a broker restart, and data outlives the process.
 */
class LocalRuntimeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void records_produced_to_a_topic_are_read_back_by_a_consumer_group() throws Exception {
        // given the shared runtime and a new topic
        LocalRuntime runtime = SharedTestRuntime.get();
        String topic = newTopic(runtime.bootstrapServers());

        // when ten records are produced
        List<String> sent = values("record", 10);
        try (KafkaProducer<String, String> producer = producer(runtime.bootstrapServers())) {
            for (String value : sent) {
                producer.send(new ProducerRecord<>(topic, value, value)).get();
            }
        }

        // then a consumer group reads all of them
        try (KafkaConsumer<String, String> consumer = consumer(runtime.bootstrapServers(), "group-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(topic));
            List<String> received = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
                assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
            });
        }
    }

    @Test
    void a_producer_keeps_working_across_a_broker_restart_and_earlier_records_survive(@TempDir Path dir) throws Exception {
        // given a broker of its own (the shared one must stay up) and a topic with records in it
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
             KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
            String topic = newTopic(broker.bootstrapServers());
            List<String> before = values("before", 5);
            for (String value : before) {
                producer.send(new ProducerRecord<>(topic, value, value)).get();
            }
            int port = broker.port();

            // when the broker goes down, the producer sends more, and the broker comes back
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            List<String> during = values("during", 5);
            List<Future<RecordMetadata>> pending = during.stream()
                    .map(value -> producer.send(new ProducerRecord<>(topic, value, value)))
                    .toList();
            broker.restart();

            // then the pending sends complete on the same address, and nothing written before is lost
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.port()).isEqualTo(port);
            await().atMost(PATIENCE).until(() -> pending.stream().allMatch(Future::isDone));
            for (Future<RecordMetadata> send : pending) {
                send.get(); // throws if a send failed for good
            }
            List<String> all = new ArrayList<>(before);
            all.addAll(during);
            assertThat(readAll(broker.bootstrapServers(), topic, all.size())).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void a_new_runtime_on_the_same_directory_finds_the_data_and_the_ports_of_the_previous_one(@TempDir Path dir)
            throws Exception {
        // given a runtime that wrote a row to PostgreSQL and records to a topic, then was closed
        String topic;
        List<String> sent = values("kept", 3);
        int kafkaPort;
        String jdbcUrl;
        try (LocalRuntime first = LocalRuntime.start(dir)) {
            try (Connection connection = connect(first); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE screen (id INT PRIMARY KEY, name TEXT NOT NULL)");
                sql.execute("INSERT INTO screen VALUES (1, 'Lobby east')");
            }
            topic = newTopic(first.bootstrapServers());
            try (KafkaProducer<String, String> producer = producer(first.bootstrapServers())) {
                for (String value : sent) {
                    producer.send(new ProducerRecord<>(topic, value, value)).get();
                }
            }
            kafkaPort = first.kafka().port();
            jdbcUrl = first.jdbcUrl();
        }

        // when a new runtime starts on the same directory
        try (LocalRuntime second = LocalRuntime.start(dir)) {

            // then the ports, the row and the records are all still there
            assertThat(second.kafka().port()).isEqualTo(kafkaPort);
            assertThat(second.jdbcUrl()).isEqualTo(jdbcUrl);
            try (Connection connection = connect(second);
                 Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT name FROM screen WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("name")).isEqualTo("Lobby east");
            }
            assertThat(readAll(second.bootstrapServers(), topic, sent.size())).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    private static String newTopic(String bootstrapServers) throws Exception {
        String topic = "test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        return topic;
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // Long enough to outlast a broker restart; retries are unbounded by default.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers, String groupId) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Reads a topic from the beginning without a group, until {@code expected} records arrived. */
    private static List<String> readAll(String bootstrapServers, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, PATIENCE).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> received = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
                return received.size() >= expected;
            });
            return received;
        }
    }

    private static Connection connect(LocalRuntime runtime) throws Exception {
        return DriverManager.getConnection(runtime.jdbcUrl(), runtime.username(), runtime.password());
    }

    private static List<String> values(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "-" + i).toList();
    }
}
