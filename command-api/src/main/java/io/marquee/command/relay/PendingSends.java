package io.marquee.command.relay;

import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.support.SendResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Kafka sends of one processor batch. They are fired without waiting, then all awaited before the
 * batch commits: the batch costs one round trip to the broker instead of one per event, and a failed
 * send rolls the batch back so that its token does not advance.
 */
final class PendingSends {

    private static final String RESOURCE = PendingSends.class.getName();
    /** A little longer than the producer's own delivery timeout, so the producer reports first. */
    private static final long AWAIT_SECONDS = 130;

    private final List<CompletableFuture<? extends SendResult<?, ?>>> sends = new ArrayList<>();

    static PendingSends of(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(RESOURCE, key -> {
            PendingSends pending = new PendingSends();
            batch.onPrepareCommit(ignored -> pending.awaitAll());
            return pending;
        });
    }

    void add(CompletableFuture<? extends SendResult<?, ?>> send) {
        sends.add(send);
    }

    private void awaitAll() {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while relaying events to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("relaying events to Kafka failed; the batch will be retried", e);
        }
    }
}
