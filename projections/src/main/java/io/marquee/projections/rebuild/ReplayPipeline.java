package io.marquee.projections.rebuild;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A rebuild's batches in three stages, each on a thread of its own: the consumer's thread polls the next
 * batch while a reader thread reads the one before into events and a writer thread applies the one before
 * that. Each stage takes the batches one at a time and in order, and a batch is applied only once the one
 * before it has been (a failed batch stops the ones after it). At most {@value #IN_FLIGHT} batches are
 * polled but not yet applied. A batch's offsets are committed (on the consumer's thread, which alone may
 * use the consumer) only once its transaction has committed, as with one stage: a stopped or crashed
 * rebuild resumes after the last applied batch whose offsets were committed.
 *
 * @param <E> a batch once read
 */
final class ReplayPipeline<E> implements AutoCloseable {

    /** Enough for each stage to hold a batch; more would only hold more records in memory. */
    private static final int IN_FLIGHT = 3;

    private final Consumer<String, byte[]> consumer;
    private final Function<ConsumerRecords<String, byte[]>, E> read;
    private final java.util.function.Consumer<E> apply;
    private final ExecutorService reader = thread("marquee-rebuild-reader");
    private final ExecutorService writer = thread("marquee-rebuild-writer");
    private final Deque<Batch> inFlight = new ArrayDeque<>();
    private CompletableFuture<Void> lastApplied = CompletableFuture.completedFuture(null);

    private record Batch(CompletableFuture<Void> applied, Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    ReplayPipeline(Consumer<String, byte[]> consumer, Function<ConsumerRecords<String, byte[]>, E> read,
                   java.util.function.Consumer<E> apply) {
        this.consumer = consumer;
        this.read = read;
        this.apply = apply;
    }

    /**
     * Hands a polled batch to the reader, to be applied after the batches before it; first commits the
     * batches applied meanwhile, and waits for the oldest while {@value #IN_FLIGHT} are in flight.
     *
     * @throws RuntimeException what applying an earlier batch threw (its transaction rolled back)
     */
    void submit(ConsumerRecords<String, byte[]> records) {
        commitApplied(false);
        while (inFlight.size() >= IN_FLIGHT) {
            await(inFlight.peekFirst());
            commitApplied(false);
        }
        CompletableFuture<E> events = CompletableFuture.supplyAsync(() -> read.apply(records), reader);
        lastApplied = lastApplied.thenCombineAsync(events, (appliedBefore, batch) -> {
            apply.accept(batch);
            return null;
        }, writer);
        inFlight.addLast(new Batch(lastApplied, offsets(records)));
    }

    /** True while a batch is in flight: the consumer's positions are then ahead of the side tables. */
    boolean busy() {
        return !inFlight.isEmpty();
    }

    /**
     * Waits until every batch in flight has been applied, then commits their offsets.
     *
     * @throws RuntimeException what applying one of them threw (its transaction rolled back; the offsets of
     *                          those before it are committed)
     */
    void finish() {
        if (!inFlight.isEmpty()) {
            // the newest completes only after every batch before it, with the first failure if one failed
            await(inFlight.peekLast());
        }
        commitApplied(true);
    }

    private void await(Batch batch) {
        try {
            batch.applied().join();
        } catch (CompletionException failed) {
            commitApplied(true);
            inFlight.clear();
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /**
     * Commits the offsets of the newest batch applied so far, if any, and forgets the applied ones. Only
     * the newest: a batch's offsets cover the ones before it. Done without waiting for the broker while
     * batches are still being applied (an offset lost in a crash means replaying a batch again, which
     * changes nothing); {@code wait} when the caller is about to stop or switch.
     */
    private void commitApplied(boolean wait) {
        Map<TopicPartition, OffsetAndMetadata> newest = null;
        while (!inFlight.isEmpty() && inFlight.peekFirst().applied().isDone()
                && !inFlight.peekFirst().applied().isCompletedExceptionally()) {
            newest = inFlight.removeFirst().offsets();
        }
        if (newest == null) {
            return;
        }
        if (wait) {
            consumer.commitSync(newest);
        } else {
            consumer.commitAsync(newest, null);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            var inPartition = records.records(partition);
            next.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return next;
    }

    private static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Lets the threads end; batches still in flight (the run failed meanwhile) complete without their
     * offsets being committed, so the next run applies them again, which changes nothing.
     */
    @Override
    public void close() {
        reader.shutdown();
        writer.shutdown();
    }
}
