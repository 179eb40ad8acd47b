package io.marquee.query.playerport;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ThreadNiceTest {

    @Test
    void the_nice_value_is_field_19_whatever_the_thread_is_called() {
        String fields = " S 1 1426 1426 0 -1 4194624 117 0 0 0 12 3 0 0 35 15 118 0 5171 0 0";

        assertThat(ThreadNice.parse("2110 (player-port-1-1)" + fields)).hasValue(15);
        assertThat(ThreadNice.parse("2110 (a) b (c 2)" + fields)).hasValue(15);
        assertThat(ThreadNice.parse("2110 (x)" + fields.replace(" 15 118", " -4 118"))).hasValue(-4);
    }

    @Test
    void a_line_that_is_not_a_stat_line_reads_as_unknown() {
        assertThat(ThreadNice.parse("")).isEmpty();
        assertThat(ThreadNice.parse("2110 (x) S 1 2")).isEmpty();
        assertThat(ThreadNice.parse("no parenthesis at all 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20")).isEmpty();
    }

    @Test
    void a_thread_reads_its_own_nice_value_on_linux() throws InterruptedException {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        AtomicReference<OptionalInt> oddlyNamed = new AtomicReference<>();
        Thread thread = new Thread(() -> oddlyNamed.set(ThreadNice.ofCurrentThread()), "a) (b c");
        thread.start();
        thread.join();

        // a new thread starts at its creator's nice value
        assertThat(oddlyNamed.get()).isPresent().isEqualTo(ThreadNice.ofCurrentThread());
    }
}
