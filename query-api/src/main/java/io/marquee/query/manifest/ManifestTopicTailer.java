package io.marquee.query.manifest;

import io.marquee.events.Topics;
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
import java.util.List;
import java.util.Map;

/**
 * Reads the whole compacted manifest topic into {@link ManifestView}, then follows it. No consumer
 * group: every query-api instance must see every manifest. Knows when it has caught up with what
 * was on the topic at start, which is when this instance may take traffic.
 */
@Component
class ManifestTopicTailer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ManifestTopicTailer.class);

    private final ConsumerFactory<String, byte[]> consumers;
    private final ManifestView view;
    private final Duration pollTimeout;
    private volatile Consumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile long lagAtStart = -1;

    ManifestTopicTailer(ConsumerFactory<String, byte[]> consumers, ManifestView view,
                        @Value("${marquee.query.manifest-poll-timeout}") Duration pollTimeout) {
        this.consumers = consumers;
        this.view = view;
        this.pollTimeout = pollTimeout;
    }

    boolean isCaughtUp() {
        return caughtUp;
    }

    long lagAtStart() {
        return lagAtStart;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::tail, "manifest-tailer");
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
            try (Consumer<String, byte[]> kafka = consumers.createConsumer(null, "query-manifests", null)) {
                consumer = kafka;
                List<TopicPartition> partitions = partitions(kafka);
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions);
                lagAtStart = endAtStart.values().stream().mapToLong(Long::longValue).sum();
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : kafka.poll(pollTimeout)) {
                        view.accept(record.key(), record.value());
                    }
                    if (!caughtUp && endAtStart.entrySet().stream()
                            .allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                        caughtUp = true;
                        log.info("Manifest view caught up: {} manifests in memory", view.size());
                    }
                }
            } catch (WakeupException e) {
                // stop() asked us to leave the poll
            } catch (RuntimeException e) {
                log.warn("Manifest tailer failed; restarting from the beginning of the topic in a second", e);
                pauseBeforeRetry();
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

    private static List<TopicPartition> partitions(Consumer<String, byte[]> kafka) {
        String topic = Topics.DISPLAY_MANIFESTS.name();
        List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist yet");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }
}
