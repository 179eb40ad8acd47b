package io.marquee.loadtests;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HeapProbeTest {

    private static final int KEPT_BYTES = 32 * 1024 * 1024;

    @Test
    void readsTheLiveHeapOfARunningJvmByPid() throws Exception {
        // given: this JVM keeps 32 MiB alive
        byte[] kept = new byte[KEPT_BYTES];

        // when
        long used = HeapProbe.usedAfterGcBytes(ProcessHandle.current().pid());

        // then
        assertThat(used).isGreaterThan(kept.length);
    }

    /** jcmd words the heap differently per collector; the suite runs the platform with ZGC. */
    @ParameterizedTest
    @ValueSource(strings = {"Serial", "G1", "Z"})
    void readsTheLiveHeapWhateverTheCollector(String collector) throws Exception {
        // given: a JVM with that collector keeping 32 MiB alive
        String java = System.getProperty("java.home") + "/bin/java";
        Process holder = new ProcessBuilder(java, "-XX:+Use" + collector + "GC", "-cp", System.getProperty("java.class.path"),
                Holder.class.getName()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("holding");

            // when
            long used = HeapProbe.usedAfterGcBytes(holder.pid());

            // then
            assertThat(used).isGreaterThan(KEPT_BYTES);
        } finally {
            holder.destroy();
        }
    }

    /** Keeps 32 MiB alive until its standard input closes. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            byte[] kept = new byte[KEPT_BYTES];
            System.out.println("holding");
            System.out.flush();
            System.in.read();
            System.out.println(kept.length);
        }
    }
}
