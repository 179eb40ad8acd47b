package io.marquee.query.playerport;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ThreadSchedulingTest {

    /** A thread's stat line after its name, nice 15 (field 19), rt_priority 0 and policy 0 (fields 40 and 41). */
    private static final String FIELDS = " S 1 1426 1426 0 -1 4194624 117 0 0 0 12 3 0 0 35 15 118 0 5171 3133440 415"
            + " 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 1 1 1 1 1 1 1 0";

    @Test
    void nice_policy_and_priority_are_fields_19_41_and_40_whatever_the_thread_is_called() {
        assertThat(ThreadScheduling.parse("2110 (player-port-1-1)" + FIELDS)).hasValue(new ThreadScheduling(15, 0, 0));
        assertThat(ThreadScheduling.parse("2110 (a) b (c 2)" + FIELDS)).hasValue(new ThreadScheduling(15, 0, 0));
        assertThat(ThreadScheduling.parse("2110 (x)" + FIELDS.replace(" 15 118", " -4 118"))).hasValue(new ThreadScheduling(-4, 0, 0));
        assertThat(ThreadScheduling.parse("2110 (x)" + FIELDS.replace(" 17 1 0 0 ", " 17 1 1 1 ")))
                .hasValue(new ThreadScheduling(15, ThreadScheduling.FIFO, 1));
    }

    @Test
    void a_line_that_is_not_a_stat_line_reads_as_unknown() {
        assertThat(ThreadScheduling.parse("")).isEmpty();
        assertThat(ThreadScheduling.parse("2110 (x) S 1 2")).isEmpty();
        assertThat(ThreadScheduling.parse("2110 (x)" + FIELDS.replace(" 15 118", " fifteen 118"))).isEmpty();
        assertThat(ThreadScheduling.parse("no parenthesis at all" + FIELDS)).isEmpty();
    }

    @Test
    void a_thread_reads_its_own_scheduling_on_linux() throws InterruptedException {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        AtomicReference<Optional<ThreadScheduling>> oddlyNamed = new AtomicReference<>();
        Thread thread = new Thread(() -> oddlyNamed.set(ThreadScheduling.ofCurrentThread()), "a) (b c");
        thread.start();
        thread.join();

        // a new thread starts with its creator's scheduling
        assertThat(oddlyNamed.get()).isPresent().isEqualTo(ThreadScheduling.ofCurrentThread());
    }

    @Test
    void a_thread_enters_the_real_time_policy_alone_or_says_why_not() throws InterruptedException {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        Attempt attempt = enterOnAFreshThread(1);

        if (isRoot()) { // CI's user, and this machine's
            assertThat(attempt.refused()).isEmpty();
            assertThat(attempt.after()).get().extracting(ThreadScheduling::describe).isEqualTo("SCHED_FIFO priority 1");
        } else {
            assertThat(attempt.refused()).get().asString().startsWith("chrt exited with");
        }
        // only that thread: the one that started it keeps the normal policy
        assertThat(ThreadScheduling.ofCurrentThread()).get().extracting(ThreadScheduling::policy).isEqualTo(0);
    }

    @Test
    void a_priority_out_of_range_is_refused_and_changes_nothing() throws InterruptedException {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        Attempt attempt = enterOnAFreshThread(100);

        assertThat(attempt.refused()).get().asString().startsWith("chrt exited with");
        assertThat(attempt.after()).get().extracting(ThreadScheduling::policy).isEqualTo(0);
    }

    /** What a new thread was told when it asked for the real-time policy at {@code priority}, and its scheduling after. */
    private record Attempt(Optional<String> refused, Optional<ThreadScheduling> after) {
    }

    private static Attempt enterOnAFreshThread(int priority) throws InterruptedException {
        AtomicReference<Attempt> attempt = new AtomicReference<>();
        Thread thread = new Thread(() -> attempt.set(new Attempt(
                ThreadScheduling.enterRealtime(ThreadScheduling.currentTid().orElseThrow(), priority),
                ThreadScheduling.ofCurrentThread())));
        thread.start();
        thread.join();
        return attempt.get();
    }

    /** Whether this process runs as root, which may change any thread's policy. */
    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
