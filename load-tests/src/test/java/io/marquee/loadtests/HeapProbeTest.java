package io.marquee.loadtests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapProbeTest {

    @Test
    void readsTheLiveHeapOfARunningJvmByPid() throws Exception {
        // given: this JVM keeps 32 MiB alive
        byte[] kept = new byte[32 * 1024 * 1024];

        // when
        long used = HeapProbe.usedAfterGcBytes(ProcessHandle.current().pid());

        // then
        assertThat(used).isGreaterThan(kept.length);
    }
}
