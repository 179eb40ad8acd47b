package io.marquee.command.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command that lost an optimistic-concurrency race (another instance appended to the same
 * aggregate first): it is decided again on the fresh state, which is always safe since a lost race
 * stored nothing. Any other failure is the command's answer and is never retried.
 */
class ConcurrencyRetryScheduler implements RetryScheduler {

    static final int MAX_RETRIES = 5;
    private static final long BASE_DELAY_MS = 10;

    private final ScheduledExecutorService executor;

    ConcurrencyRetryScheduler(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (failures.size() > MAX_RETRIES || !lostARace(lastFailure)) {
            return false;
        }
        // jittered, growing delay so that the racers do not collide again
        long delay = BASE_DELAY_MS * failures.size() + ThreadLocalRandom.current().nextLong(BASE_DELAY_MS);
        executor.schedule(dispatchTask, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
