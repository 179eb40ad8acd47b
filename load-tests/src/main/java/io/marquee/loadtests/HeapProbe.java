package io.marquee.loadtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The heap a JVM (started by the suite, by PID) uses after a full GC, read with {@code jcmd}. */
final class HeapProbe {

    // one line per generation (G1: one; Serial and Parallel, as on a JVM pinned to one CPU: young + old)
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");
    // ZGC: one line, in whole MiB
    private static final Pattern Z_USED = Pattern.compile("ZHeap\\s+used (\\d+)M");

    private HeapProbe() {
    }

    static long usedAfterGcBytes(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        long usedKiB = 0;
        boolean found = false;
        for (String line : jcmd(pid, "GC.heap_info").split("\n")) {
            Matcher used = USED.matcher(line);
            Matcher zUsed = Z_USED.matcher(line);
            if (used.find() && !line.contains("Metaspace") && !line.contains("class space")) {
                usedKiB += Long.parseLong(used.group(1));
                found = true;
            } else if (zUsed.find()) {
                usedKiB += Long.parseLong(zUsed.group(1)) * 1024;
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("no heap figure from jcmd " + pid);
        }
        return usedKiB * 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + ": " + out);
        }
        return out;
    }
}
