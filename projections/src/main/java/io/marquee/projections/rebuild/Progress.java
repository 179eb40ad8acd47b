package io.marquee.projections.rebuild;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Counts a rebuild's progress from the consumer's positions against the topic's beginning and end
 * offsets, and reports it every so often.
 */
final class Progress {

    private final String projection;
    private final Consumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final ProjectionRebuilds.Options options;
    private final Map<TopicPartition, Long> beginning;
    private final long startNanos = System.nanoTime();
    private final long doneAtStart;
    private long lastReportNanos = System.nanoTime();
    private Map<TopicPartition, Long> end;

    Progress(String projection, Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
             ProjectionRebuilds.Options options) {
        this.projection = projection;
        this.consumer = consumer;
        this.partitions = partitions;
        this.options = options;
        this.beginning = consumer.beginningOffsets(partitions);
        this.end = consumer.endOffsets(partitions);
        this.doneAtStart = done();
    }

    /**
     * True once every partition's position has reached its end offset (read afresh). End offsets only
     * grow, so while a position is short of the last ones read the broker is not asked again.
     */
    boolean caughtUp() {
        if (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            return false;
        }
        end = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
    }

    void maybeReport() {
        if (System.nanoTime() - lastReportNanos >= options.progressEvery().toNanos()) {
            report();
        }
    }

    void report() {
        lastReportNanos = System.nanoTime();
        long done = done();
        long total = partitions.stream().mapToLong(partition -> end.get(partition) - beginning.get(partition)).sum();
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        double rate = (done - doneAtStart) / seconds;
        Duration eta = rate > 0 ? Duration.ofSeconds((long) Math.ceil(Math.max(0, total - done) / rate)) : null;
        options.progress().accept(new RebuildProgress(projection, done, total, doneAtStart, rate, eta));
    }

    private long done() {
        return partitions.stream().mapToLong(partition -> consumer.position(partition) - beginning.get(partition)).sum();
    }
}
