package io.marquee.loadtests;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * An open-model load: one sample starts every {@code 1/rate} seconds on a thread of its own, whether or
 * not the earlier ones have finished. The pool is unbounded on purpose: a slow platform must not turn
 * the probe into a closed loop, which would lower the rate and hide the very delay being measured.
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /**
     * Runs {@code sample.accept(n)} for n = 0 .. samples - 1 at {@code rate} starts per second, then waits
     * up to 60 s for the last ones to end. Returns the seconds from the first start to the last, the rate
     * the samples were really issued at, not counting the last ones' wait.
     */
    public static double run(int rate, int samples, IntConsumer sample) throws InterruptedException {
        if (samples <= 0) {
            return 0;
        }
        ExecutorService workers = Executors.newCachedThreadPool();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastIssued = new AtomicLong();
        CountDownLatch allIssued = new CountDownLatch(1);
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n < samples) {
                workers.submit(() -> sample.accept(n));
                lastIssued.set(System.nanoTime());
            }
            if (n == samples - 1) {
                allIssued.countDown();
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        try {
            allIssued.await();
        } finally {
            ticker.shutdown();
            workers.shutdown();
        }
        workers.awaitTermination(60, TimeUnit.SECONDS);
        return (lastIssued.get() - started) / 1e9;
    }
}
