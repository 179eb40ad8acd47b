package io.marquee.projections.rebuild;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A rebuild's batches in three stages, each on a thread of its own: the consumer's thread polls the next
 * batch while a reader thread reads the ones before into events and a writer thread applies those read.
 * <ul>
 *   <li>The writer applies every batch read by the time it is free in one call, oldest first: it is the
 *   slowest stage, so batches queue behind it, and a group of them costs one transaction.</li>
 *   <li>What it applies may stay in memory ({@link io.marquee.projections.ReplayRows}): it is stored at
 *   a checkpoint, once {@code checkpointEvery} events have been applied since the last one and whenever the
 *   consumer's thread calls {@link #finish} (at the end of the topic, before a switch or a stop).</li>
 *   <li>Batches are applied in the order they were polled, and none after a failed one; a failure also drops
 *   what was applied since the last checkpoint, which was only in memory.</li>
 *   <li>At most {@value #IN_FLIGHT} batches are polled but not yet applied.</li>
 *   <li>A batch's offsets are committed (on the consumer's thread, which alone may use the consumer) only
 *   once a checkpoint has stored it: a stopped or crashed rebuild resumes after the last stored batch.</li>
 * </ul>
 *
 * @param <T> an event, once read
 */
final class ReplayPipeline<T> implements AutoCloseable {

    /** Bounds the records held in memory before they are applied (a batch is at most 1 MiB a partition). */
    private static final int IN_FLIGHT = 8;

    private final Consumer<String, byte[]> consumer;
    private final Function<ConsumerRecords<String, byte[]>, List<T>> read;
    private final java.util.function.Consumer<List<T>> apply;
    private final Runnable checkpoint;
    private final int checkpointEvery;
    private final ExecutorService reader = thread("marquee-rebuild-reader");
    private final ExecutorService writer = thread("marquee-rebuild-writer");

    /** The consumer's thread's: batches not yet applied, and batches not yet committed, oldest first. */
    private final Deque<Batch> unapplied = new ArrayDeque<>();
    private final Deque<Batch> uncommitted = new ArrayDeque<>();
    /** Handed from the consumer's thread to the writer: batches not yet applied, oldest first. */
    private final Queue<Pending<T>> toApply = new ConcurrentLinkedQueue<>();
    /** The writer's own: batches applied since the last checkpoint, their events, and the first failure. */
    private final List<Batch> sinceCheckpoint = new ArrayList<>();
    private int eventsSinceCheckpoint;
    private RuntimeException failure;

    private record Batch(CompletableFuture<Void> applied, CompletableFuture<Void> stored,
                         Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    private record Pending<T>(CompletableFuture<List<T>> events, Batch batch) {
    }

    /**
     * @param apply           applies events, in one transaction of its own
     * @param checkpoint      stores what the calls of {@code apply} since the last checkpoint kept in memory
     * @param checkpointEvery events applied, at most, before a checkpoint
     */
    ReplayPipeline(Consumer<String, byte[]> consumer, Function<ConsumerRecords<String, byte[]>, List<T>> read,
                   java.util.function.Consumer<List<T>> apply, Runnable checkpoint, int checkpointEvery) {
        this.consumer = consumer;
        this.read = read;
        this.apply = apply;
        this.checkpoint = checkpoint;
        this.checkpointEvery = checkpointEvery;
    }

    /**
     * Hands a polled batch to the reader, to be applied after the batches before it; first commits the
     * batches stored meanwhile, and waits for the oldest while {@value #IN_FLIGHT} are not applied yet.
     *
     * @throws RuntimeException what applying or storing an earlier batch threw
     */
    void submit(ConsumerRecords<String, byte[]> records) {
        commitStored(false);
        while (unapplied.size() >= IN_FLIGHT) {
            await(unapplied.peekFirst().applied());
            unapplied.removeFirst();
            commitStored(false);
        }
        Batch batch = new Batch(new CompletableFuture<>(), new CompletableFuture<>(), offsets(records));
        toApply.add(new Pending<>(CompletableFuture.supplyAsync(() -> read.apply(records), reader), batch));
        writer.execute(this::applyReadBatches);
        unapplied.addLast(batch);
        uncommitted.addLast(batch);
    }

    /**
     * Waits until every batch submitted has been applied and stored by a checkpoint, then commits their
     * offsets.
     *
     * @throws RuntimeException what applying or storing one of them threw (the offsets of the batches stored
     *                          before it are committed)
     */
    void finish() {
        if (uncommitted.isEmpty()) {
            return;
        }
        // the writer takes its tasks in order: this one runs after every batch submitted
        writer.execute(this::checkpointNow);
        await(uncommitted.peekLast().stored());
        unapplied.clear();
        commitStored(true);
    }

    /**
     * On the writer's thread, once per submitted batch: the oldest batch not yet applied (waiting until it is
     * read) and every later one already read, in one call of {@code apply}; then a checkpoint if one is due.
     * Nothing if an earlier call took them all.
     */
    private void applyReadBatches() {
        List<Batch> group = new ArrayList<>();
        List<T> events = new ArrayList<>();
        try {
            Pending<T> next = toApply.poll();
            while (next != null) {
                group.add(next.batch());
                events.addAll(next.events().join());
                next = toApply.peek();
                if (next != null && next.events().isDone() && !next.events().isCompletedExceptionally()) {
                    toApply.poll();
                } else {
                    next = null;
                }
            }
            if (!group.isEmpty() && failure == null) {
                apply.accept(events);
            }
        } catch (CompletionException unread) {
            failOnce(unread.getCause() instanceof RuntimeException cause ? cause : unread);
        } catch (RuntimeException failed) {
            failOnce(failed);
        }
        if (failure != null) {
            group.forEach(batch -> fail(batch.applied()));
            sinceCheckpoint.addAll(group);
            checkpointNow(); // fails them all: what was applied since the last checkpoint is lost with the failure
            return;
        }
        group.forEach(batch -> batch.applied().complete(null));
        sinceCheckpoint.addAll(group);
        eventsSinceCheckpoint += events.size();
        if (eventsSinceCheckpoint >= checkpointEvery) {
            checkpointNow();
        }
    }

    /** On the writer's thread: stores what was applied since the last checkpoint (nothing after a failure). */
    private void checkpointNow() {
        if (sinceCheckpoint.isEmpty()) {
            return;
        }
        if (failure == null) {
            try {
                checkpoint.run();
            } catch (RuntimeException failed) {
                failOnce(failed);
            }
        }
        sinceCheckpoint.forEach(batch -> {
            if (failure == null) {
                batch.stored().complete(null);
            } else {
                fail(batch.stored());
            }
        });
        sinceCheckpoint.clear();
        eventsSinceCheckpoint = 0;
    }

    private void failOnce(RuntimeException cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    private void fail(CompletableFuture<Void> future) {
        future.completeExceptionally(failure);
    }

    /** Waits for a batch's stage; if it failed, commits what was stored before it and rethrows. */
    private void await(CompletableFuture<Void> stage) {
        try {
            stage.join();
        } catch (CompletionException failed) {
            commitStored(true);
            unapplied.clear();
            uncommitted.clear();
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /**
     * Commits the offsets of the newest batch stored so far, if any, and forgets the stored ones. Only the
     * newest: a batch's offsets cover the ones before it. Done without waiting for the broker while batches
     * are still being applied (an offset lost in a crash means replaying those batches again, which changes
     * nothing); {@code wait} when the caller is about to stop or switch.
     */
    private void commitStored(boolean wait) {
        Map<TopicPartition, OffsetAndMetadata> newest = null;
        while (!uncommitted.isEmpty() && uncommitted.peekFirst().stored().isDone()
                && !uncommitted.peekFirst().stored().isCompletedExceptionally()) {
            newest = uncommitted.removeFirst().offsets();
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
