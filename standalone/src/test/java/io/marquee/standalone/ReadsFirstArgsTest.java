package io.marquee.standalone;

import io.marquee.query.playerport.ThreadScheduling;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code reads-first.args} (README "Reads first on a shared core") starts a JVM whose highest-priority
 * threads, the player port's event loops, run at nice 0 and every other thread at 15. A JVM started with
 * the file runs {@link Probe}, which reads both kinds of thread's nice value.
 */
class ReadsFirstArgsTest {

    @Test
    void a_jvm_started_with_the_file_runs_its_highest_priority_threads_ahead_of_the_rest() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        Path args = Path.of("reads-first.args").toAbsolutePath();
        Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "@" + args,
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(jvm.getInputStream().readAllBytes()).strip();

        assertThat(jvm.exitValue()).as(output).isZero();
        // raising a thread back to nice 0 takes root (CI's user) or CAP_SYS_NICE; lowering never does
        assertThat(output).isEqualTo(isRoot() ? "highest=0 normal=15" : "highest=15 normal=15");
    }

    private static boolean isRoot() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
    }

    /** Prints the nice values of a thread at the highest Java priority and of one at the normal one. */
    public static final class Probe {
        public static void main(String[] args) throws InterruptedException {
            int[] nice = new int[2];
            Thread highest = new Thread(() -> nice[0] = ThreadScheduling.ofCurrentThread().map(ThreadScheduling::nice).orElse(-100));
            highest.setPriority(Thread.MAX_PRIORITY);
            Thread normal = new Thread(() -> nice[1] = ThreadScheduling.ofCurrentThread().map(ThreadScheduling::nice).orElse(-100));
            highest.start();
            normal.start();
            highest.join();
            normal.join();
            System.out.println("highest=" + nice[0] + " normal=" + nice[1]);
        }
    }
}
