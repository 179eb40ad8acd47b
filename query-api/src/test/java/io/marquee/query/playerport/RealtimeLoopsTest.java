package io.marquee.query.playerport;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.marquee.query.playerport.RealtimeLoops.LEAVE_ABOVE;
import static io.marquee.query.playerport.RealtimeLoops.RETURN_AFTER;
import static io.marquee.query.playerport.RealtimeLoops.RETURN_BELOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RealtimeLoopsTest {

    @Test
    void a_loop_leaves_at_its_first_busy_window_and_returns_after_enough_calm_ones_in_a_row() {
        RealtimeLoops.Loop loop = new RealtimeLoops.Loop(1, "1");

        assertThat(loop.observe(0.0)).isTrue();
        assertThat(loop.observe(LEAVE_ABOVE)).isTrue();
        assertThat(loop.observe(LEAVE_ABOVE + 0.01)).isFalse();
        for (int calm = 1; calm < RETURN_AFTER; calm++) {
            assertThat(loop.observe(0.0)).as("calm window %d", calm).isFalse();
        }
        assertThat(loop.observe(RETURN_BELOW)).as("not calm enough: the count starts again").isFalse();
        for (int calm = 1; calm < RETURN_AFTER; calm++) {
            assertThat(loop.observe(RETURN_BELOW - 0.01)).isFalse();
        }
        assertThat(loop.observe(RETURN_BELOW - 0.01)).isTrue();
    }

    /** Random windows of load: the policy follows the rule, whatever the sequence. */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 1_234, 99_991})
    void the_policy_never_outlives_a_busy_window_nor_returns_early(long seed) {
        Random random = new Random(seed);
        RealtimeLoops.Loop loop = new RealtimeLoops.Loop(1, "1");
        int calmInARow = 0;
        for (int window = 0; window < 5_000; window++) {
            // mostly calm, with busy spells, as a port between polls and saturation sees
            double busy = random.nextInt(4) == 0 ? 0.3 + random.nextDouble() * 0.7 : random.nextDouble() * 0.3;
            boolean wasRealtime = loop.realtime;
            boolean realtime = loop.observe(busy);
            calmInARow = busy < RETURN_BELOW ? calmInARow + 1 : 0;

            if (wasRealtime) {
                assertThat(realtime).as("window %d, %.2f busy", window, busy).isEqualTo(busy <= LEAVE_ABOVE);
            } else if (realtime) {
                assertThat(calmInARow).as("window %d", window).isGreaterThanOrEqualTo(RETURN_AFTER);
            }
        }
    }

    @Test
    void a_saturated_loop_leaves_the_real_time_policy_and_returns_when_it_calms_down() {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        EventLoopGroup group = new DefaultEventLoopGroup(1);
        try {
            String tid = group.submit(() -> ThreadScheduling.currentTid().orElseThrow()).syncUninterruptibly().getNow();
            Optional<RealtimeLoops> realtime = RealtimeLoops.start(group, 1);
            if (!ThreadSchedulingTest.isRoot()) { // chrt takes root or CAP_SYS_NICE: CI runs as root, as this machine does
                assertThat(realtime).isEmpty();
                assertThat(policyOf(tid)).isZero();
                return;
            }
            assertThat(realtime).isPresent();
            assertThat(policyOf(tid)).isEqualTo(ThreadScheduling.FIFO);

            // when the loop is kept busy, it leaves; when it is idle again, it returns
            AtomicBoolean spin = new AtomicBoolean(true);
            group.execute(() -> {
                while (spin.get()) {
                    Thread.onSpinWait();
                }
            });
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> policyOf(tid) == 0);
            } finally {
                spin.set(false);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> policyOf(tid) == ThreadScheduling.FIFO);
            realtime.get().close();
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static int policyOf(String tid) {
        return ThreadScheduling.of(tid).orElseThrow().policy();
    }
}
