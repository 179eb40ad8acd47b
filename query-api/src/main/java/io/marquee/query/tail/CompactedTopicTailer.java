package io.marquee.query.tail;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads every compacted topic a {@link TopicSink} wants (manifests, display access, watermarks) from the
 * beginning into memory, then follows them, with one consumer on one thread. No consumer group: every
 * query-api instance must see every record. Knows when it has caught up with what all the topics held at
 * start, which is when this instance may take traffic.
 */
@Component
public class CompactedTopicTailer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicTailer.class);

    private final ConsumerFactory<String, byte[]> consumers;
    private final Map<String, TopicSink> sinks;
    private final Duration pollTimeout;
    private volatile Consumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile long lagAtStart = -1;

    CompactedTopicTailer(ConsumerFactory<String, byte[]> consumers, List<TopicSink> sinks,
                         @Value("${marquee.query.manifest-poll-timeout}") Duration pollTimeout) {
        this.consumers = consumers;
        this.sinks = sinks.stream().collect(Collectors.toMap(sink -> sink.topic().name(), Function.identity()));
        this.pollTimeout = pollTimeout;
    }

    public boolean isCaughtUp() {
        return caughtUp;
    }

    long lagAtStart() {
        return lagAtStart;
    }

    List<TopicSink> sinks() {
        return List.copyOf(sinks.values());
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::tail, "compacted-topic-tailer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void tail() {
        while (running) {
            try (Consumer<String, byte[]> kafka = consumers.createConsumer(null, "query-compacted-topics", null)) {
                consumer = kafka;
                List<TopicPartition> partitions = partitions(kafka);
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions);
                lagAtStart = endAtStart.values().stream().mapToLong(Long::longValue).sum();
                follow(kafka, endAtStart);
            } catch (WakeupException e) {
                // stop() asked us to leave the poll
            } catch (RuntimeException e) {
                log.warn("Compacted-topic tailer failed; restarting from the beginning of the topics in a second", e);
                pauseBeforeRetry();
            }
        }
    }

    private void follow(Consumer<String, byte[]> kafka, Map<TopicPartition, Long> endAtStart) {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(pollTimeout)) {
                sinks.get(record.topic()).accept(record.key(), record.value());
            }
            ConsumedOffsets consumed = (topic, partition) -> {
                TopicPartition followed = new TopicPartition(topic.name(), partition);
                return kafka.assignment().contains(followed) ? kafka.position(followed) : 0;
            };
            sinks.values().forEach(sink -> sink.afterPoll(consumed));
            if (!caughtUp && endAtStart.entrySet().stream()
                    .allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                caughtUp = true;
                log.info("In-memory views caught up: {}", sinks.values().stream()
                        .map(sink -> sink.topic().name() + "=" + sink.size()).collect(Collectors.joining(", ")));
            }
        }
    }

    private void pauseBeforeRetry() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : sinks.keySet()) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist yet");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }
}
