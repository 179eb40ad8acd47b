package io.marquee.projections.rebuild;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Applies a rebuild's batches on a thread of its own, one at a time and in order, so that the consumer's
 * thread polls and reads the next batch meanwhile. A batch's offsets are committed (on the consumer's
 * thread, which alone may use the consumer) only once its transaction has committed, as before: a stopped
 * or crashed rebuild resumes after the last applied batch.
 */
final class ReplayWriter implements AutoCloseable {

    private final Consumer<String, byte[]> consumer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread writer = new Thread(task, "marquee-rebuild-writer");
        writer.setDaemon(true);
        return writer;
    });
    private CompletableFuture<Void> applying;
    private Map<TopicPartition, OffsetAndMetadata> offsets;

    ReplayWriter(Consumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Starts applying a batch once the one before has been applied and its offsets committed. */
    void submit(ConsumerRecords<String, byte[]> records, Runnable apply) {
        finish();
        offsets = next(records);
        applying = CompletableFuture.runAsync(apply, thread);
    }

    /** True while a batch is being applied: the consumer's positions are then ahead of the side tables. */
    boolean busy() {
        return applying != null;
    }

    /**
     * Waits for the batch being applied, then commits its offsets.
     *
     * @throws RuntimeException what applying it threw (its transaction rolled back, nothing committed)
     */
    void finish() {
        if (applying == null) {
            return;
        }
        try {
            applying.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        } finally {
            applying = null;
        }
        consumer.commitSync(offsets);
    }

    private static Map<TopicPartition, OffsetAndMetadata> next(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            var inPartition = records.records(partition);
            next.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return next;
    }

    /**
     * Lets the thread end; a batch still being applied (the run failed meanwhile) completes without its
     * offsets being committed, so the next run applies it again, which changes nothing.
     */
    @Override
    public void close() {
        thread.shutdown();
    }
}
