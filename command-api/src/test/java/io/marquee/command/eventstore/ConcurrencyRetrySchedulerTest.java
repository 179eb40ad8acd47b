package io.marquee.command.eventstore;

import io.marquee.infra.web.RuleViolationException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyRetrySchedulerTest {

    final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    final ConcurrencyRetryScheduler scheduler = new ConcurrencyRetryScheduler(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void a_command_that_lost_a_concurrency_race_is_dispatched_again() throws InterruptedException {
        CountDownLatch dispatched = new CountDownLatch(1);
        boolean scheduled = scheduler.scheduleRetry(command(), new ConcurrencyException("lost"), failures(1),
                dispatched::countDown);
        assertThat(scheduled).isTrue();
        assertThat(dispatched.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_race_lost_deep_in_the_cause_chain_is_retried_too() {
        RuntimeException wrapped = new IllegalStateException("outer", new ConcurrencyException("inner"));
        assertThat(scheduler.scheduleRetry(command(), wrapped, failures(1), () -> { })).isTrue();
    }

    @Test
    void a_rule_violation_is_the_commands_answer_and_never_retried() {
        RuntimeException refused = RuleViolationException.conflict("playlist-archived", "archived");
        assertThat(scheduler.scheduleRetry(command(), refused, failures(1), () -> { })).isFalse();
    }

    @Test
    void retries_stop_after_the_limit() {
        assertThat(scheduler.scheduleRetry(command(), new ConcurrencyException("again"),
                failures(ConcurrencyRetryScheduler.MAX_RETRIES + 1), () -> { })).isFalse();
    }

    private static GenericCommandMessage<String> command() {
        return new GenericCommandMessage<>("a command");
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[]{ConcurrencyException.class});
        }
        return failures;
    }
}
