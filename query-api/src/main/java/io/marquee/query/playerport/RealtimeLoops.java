package io.marquee.query.playerport;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the player port's event loops in {@code SCHED_FIFO} while they have headroom, and in the normal
 * policy while they are saturated.
 *
 * <p>Why real-time: the kernel runs a real-time thread the moment it wakes, ahead of every normal thread
 * on its core (the writes', the JIT's, PostgreSQL's). A nice value only sets a share of the CPU: a woken
 * loop still waited out the running thread's time slice, and a poll's p99 under writes on a shared core
 * was several times its p99 without them.
 *
 * <p>Why only with headroom: the kernel throttles real-time threads that keep a core busy, taking the core
 * from them for 50 ms of every second (sched_rt_runtime_us), and a saturated loop's requests queued
 * behind those pauses (wrk at 256 connections: p99 44 ms against 8 ms). A saturated loop gains nothing
 * from waking first anyway; its requests wait in its own queue. So a loop busier than {@link #LEAVE_ABOVE}
 * of a {@link #WINDOW} leaves the real-time policy, and returns after {@link #RETURN_AFTER} windows in a row
 * under {@link #RETURN_BELOW}. A thread of its own, real-time one priority higher so that a saturated loop
 * cannot hold it off, measures the loops' CPU time and switches them with {@code chrt}.
 */
final class RealtimeLoops implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RealtimeLoops.class);

    static final Duration WINDOW = Duration.ofMillis(100);
    static final double LEAVE_ABOVE = 0.5;
    static final double RETURN_BELOW = 0.25;
    static final int RETURN_AFTER = 10;

    private final int priority;
    private final List<Loop> loops;
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "realtime-loops");
        thread.setDaemon(true);
        return thread;
    });
    private long lastLook = System.nanoTime();

    private RealtimeLoops(int priority, List<Loop> loops) {
        this.priority = priority;
        this.loops = loops;
    }

    /**
     * Puts every loop of {@code group} in {@code SCHED_FIFO} at {@code priority} and starts watching them.
     *
     * @return empty, every loop left in the normal policy, if a loop could not enter it (logged, with why)
     */
    static Optional<RealtimeLoops> start(EventLoopGroup group, int priority) {
        List<Loop> loops = new ArrayList<>();
        for (EventExecutor executor : group) {
            Loop loop = executor.submit(() -> new Loop(Thread.currentThread().getId(), ThreadScheduling.currentTid().orElse("")))
                    .syncUninterruptibly().getNow();
            Optional<String> refused = loop.tid.isEmpty() ? Optional.of("no /proc/thread-self (not Linux)")
                    : ThreadScheduling.enterRealtime(loop.tid, priority);
            if (refused.isPresent()) {
                log.warn("The player port's event loops stay in the normal policy, not SCHED_FIFO priority {}: {} "
                        + "(it takes root, CAP_SYS_NICE or RLIMIT_RTPRIO)", priority, refused.get());
                loops.forEach(entered -> ThreadScheduling.leaveRealtime(entered.tid));
                return Optional.empty();
            }
            loops.add(loop);
        }
        RealtimeLoops realtime = new RealtimeLoops(priority, loops);
        realtime.watch();
        return Optional.of(realtime);
    }

    private void watch() {
        loops.forEach(loop -> loop.cpuNanos = cpu.getThreadCpuTime(loop.javaId));
        monitor.execute(() -> ThreadScheduling.currentTid()
                .flatMap(self -> ThreadScheduling.enterRealtime(self, Math.min(99, priority + 1)))
                .ifPresent(why -> log.warn("The player port's loop monitor runs in the normal policy: {}", why)));
        monitor.scheduleAtFixedRate(this::look, WINDOW.toNanos(), WINDOW.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void look() {
        long now = System.nanoTime();
        double window = now - lastLook;
        lastLook = now;
        for (Loop loop : loops) {
            long cpuNanos = cpu.getThreadCpuTime(loop.javaId);
            if (cpuNanos < 0) {
                continue; // the loop has ended: the group is shutting down
            }
            double busy = (cpuNanos - loop.cpuNanos) / window;
            loop.cpuNanos = cpuNanos;
            boolean wasRealtime = loop.realtime;
            if (loop.observe(busy) != wasRealtime) {
                Optional<String> failed = loop.realtime ? ThreadScheduling.enterRealtime(loop.tid, priority)
                        : ThreadScheduling.leaveRealtime(loop.tid);
                if (failed.isPresent()) {
                    loop.realtime = wasRealtime;
                    log.warn("The player port's event loop {} could not switch policy: {}", loop.tid, failed.get());
                } else {
                    log.debug("Event loop {} {} SCHED_FIFO ({}% busy)", loop.tid, loop.realtime ? "back in" : "out of",
                            Math.round(busy * 100));
                }
            }
        }
    }

    /** Stops watching; the loops keep their policy until they end. */
    @Override
    public void close() {
        monitor.shutdownNow();
    }

    /** One event loop: its thread's ids, the policy it is in, and the CPU time it had at the last look. */
    static final class Loop {

        final long javaId;
        final String tid;
        boolean realtime = true;
        long cpuNanos;
        private int calmWindows;

        Loop(long javaId, String tid) {
            this.javaId = javaId;
            this.tid = tid;
        }

        /**
         * @param busy the share of the last window the loop spent on the CPU
         * @return whether the loop should now be in the real-time policy
         */
        boolean observe(double busy) {
            if (realtime) {
                realtime = busy <= LEAVE_ABOVE;
                calmWindows = 0;
            } else {
                calmWindows = busy < RETURN_BELOW ? calmWindows + 1 : 0;
                realtime = calmWindows >= RETURN_AFTER;
            }
            return realtime;
        }
    }
}
