package io.marquee.query.playerport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A thread's CPU scheduling on Linux, from {@code /proc/thread-self/stat}: its nice value, its policy and
 * its real-time priority; and the calls that change a thread's policy. The player port logs its event loops'
 * against the rest of the process, because what sets them apart ({@code standalone/reads-first.args},
 * {@link RealtimeLoops}) fails silently, or only in a log line, without the right to raise a thread's priority.
 */
public record ThreadScheduling(int nice, int policy, int realtimePriority) {

    /** {@code SCHED_FIFO}: runs until it blocks, ahead of every thread of the normal policy. */
    public static final int FIFO = 1;
    private static final Path STAT = Path.of("/proc/thread-self/stat");
    /** The fields after the command name in parentheses start with field 3; nice is 19, rt_priority 40, policy 41. */
    private static final int FIRST_FIELD = 3, NICE = 19, REALTIME_PRIORITY = 40, POLICY = 41;

    /** Empty where there is no {@code /proc/thread-self} (not Linux). */
    public static Optional<ThreadScheduling> ofCurrentThread() {
        try {
            return parse(Files.readString(STAT));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Thread {@code tid} of this process; empty if it has ended, or not on Linux. */
    public static Optional<ThreadScheduling> of(String tid) {
        try {
            return parse(Files.readString(Path.of("/proc/self/task", tid, "stat")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<ThreadScheduling> parse(String stat) {
        // the name may hold spaces and parentheses itself: it ends at the last ')'
        int nameEnd = stat.lastIndexOf(')');
        String[] fields = nameEnd < 0 ? new String[0] : stat.substring(nameEnd + 1).trim().split(" ");
        if (fields.length <= POLICY - FIRST_FIELD) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ThreadScheduling(Integer.parseInt(fields[NICE - FIRST_FIELD]),
                    Integer.parseInt(fields[POLICY - FIRST_FIELD]), Integer.parseInt(fields[REALTIME_PRIORITY - FIRST_FIELD])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The calling thread's id in the kernel (its TID), from {@code /proc/thread-self}, which links to PID/task/TID. */
    static Optional<String> currentTid() {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * Puts thread {@code tid} of this process in {@code SCHED_FIFO} at {@code priority} (1-99), with util-linux's
     * {@code chrt} (Java has no call for it), resetting on fork so that nothing the thread starts inherits it.
     * Takes root, {@code CAP_SYS_NICE} or a raised {@code RLIMIT_RTPRIO}.
     *
     * @return empty when done, else why not
     */
    static Optional<String> enterRealtime(String tid, int priority) {
        return chrt("--fifo", "--reset-on-fork", "--pid", String.valueOf(priority), tid);
    }

    /** Puts thread {@code tid} back in the normal policy ({@code SCHED_OTHER}); its nice value is kept. */
    static Optional<String> leaveRealtime(String tid) {
        return chrt("--other", "--pid", "0", tid);
    }

    private static Optional<String> chrt(String... args) {
        try {
            Process chrt = new ProcessBuilder(Stream.concat(Stream.of("chrt"), Stream.of(args)).toList())
                    .redirectErrorStream(true).start();
            if (!chrt.waitFor(10, TimeUnit.SECONDS)) {
                chrt.destroyForcibly();
                return Optional.of("chrt did not finish within 10 s");
            }
            String output = new String(chrt.getInputStream().readAllBytes()).strip();
            return chrt.exitValue() == 0 ? Optional.empty()
                    : Optional.of("chrt exited with " + chrt.exitValue() + (output.isEmpty() ? "" : ": " + output));
        } catch (IOException e) {
            return Optional.of("chrt could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while chrt ran");
        }
    }

    /** As a log line puts it: "SCHED_FIFO priority 1" or "nice 15". */
    String describe() {
        return policy == FIFO ? "SCHED_FIFO priority " + realtimePriority : "nice " + nice;
    }
}
