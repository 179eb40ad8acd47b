package io.marquee.loadtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes {@code report.md} from the scenarios' {@link Results}: per scenario its figure, the baseline
 * measured in the same run, their ratio, the goal, and whether the figure meets it. A scenario whose
 * results are missing is reported as not measured, never as passed.
 *
 * <p>Usage: {@code ReportWriter resultsDir reportFile machineLine pinningLine parametersLine}
 */
public final class ReportWriter {

    private final Path dir;

    private ReportWriter(Path dir) {
        this.dir = dir;
    }

    record Row(String scenario, String figure, String baseline, String ratio, String goal, String verdict) {
    }

    public static void main(String[] args) throws IOException {
        ReportWriter writer = new ReportWriter(Path.of(args[0]));
        List<String> lines = new ArrayList<>(List.of("# Marquee capacity report", "",
                "- Machine: " + args[2], "- Pinning: " + args[3], "- Parameters: " + args[4], "",
                "| # | scenario | figure | baseline (same run) | ratio | goal | result |", "|---|---|---|---|---|---|---|"));
        for (Map.Entry<String, Row> numbered : writer.rows()) {
            Row r = numbered.getValue();
            lines.add("| " + numbered.getKey() + " | "
                    + String.join(" | ", r.scenario(), r.figure(), r.baseline(), r.ratio(), r.goal(), r.verdict()) + " |");
        }
        lines.addAll(List.of("", "Gatling's HTML reports (scenarios 3 and 5): `gatling/*/index.html` beside this file; "
                + "wrk outputs and every raw figure: `results/`. Figures on a shared or loaded machine are noisy: "
                + "compare a figure with its baseline from the same run, not across runs."));
        Files.write(Path.of(args[1]), lines);
        lines.forEach(System.out::println);
    }

    private List<Map.Entry<String, Row>> rows() {
        return List.of(Map.entry("1", manifest("manifest GET 200, player port, wrk", "200", 0.60, true)),
                Map.entry("2", manifest("manifest GET 304, player port, wrk", "304", 0.70, false)),
                Map.entry("1b", manifest("manifest GET 200, main port (Tomcat fast path), wrk", "main-200", 0.60, true)),
                Map.entry("2b", manifest("manifest GET 304, main port (Tomcat fast path), wrk", "main-304", 0.70, false)),
                Map.entry("3", fleet("fleet", "fleet polling under admin writes, one process (Gatling)")),
                Map.entry("3b", fleet("fleet-split", "the same, the polls served by a query-api process of their own")),
                Map.entry("4", propagation()), Map.entry("5", commands()), Map.entry("6", rebuild()), Map.entry("7", streams()));
    }

    private Row manifest(String name, String path, double goal, boolean latencyGoal) {
        Properties m = Results.load(dir, "wrk-marquee-" + path);
        Properties n = Results.load(dir, "wrk-nginx-" + path.replace("main-", ""));
        if (m.isEmpty() || n.isEmpty()) {
            return missing(name, "≥ " + percent(goal) + " of nginx");
        }
        double ratio = d(m, "requestsPerSecond") / d(n, "requestsPerSecond");
        boolean pass = ratio >= goal && (!latencyGoal || d(m, "p99Ms") <= 10) && d(m, "errors") == 0;
        return new Row(name + ", " + m.getProperty("connections") + " connections",
                f("%,.0f req/s, p99 %.1f ms, errors %.0f", d(m, "requestsPerSecond"), d(m, "p99Ms"), d(m, "errors")),
                f("nginx %,.0f req/s, p99 %.1f ms", d(n, "requestsPerSecond"), d(n, "p99Ms")), percent(ratio),
                "≥ " + percent(goal) + " of nginx" + (latencyGoal ? ", p99 ≤ 10 ms" : ""), verdict(pass));
    }

    /** Scenario 3 from the results named {@code prefix}-writes, -baseline and -writes-commands. */
    private Row fleet(String prefix, String name) {
        Properties w = Results.load(dir, prefix + "-writes");
        Properties b = Results.load(dir, prefix + "-baseline");
        Properties c = Results.load(dir, prefix + "-writes-commands");
        if (w.isEmpty() || b.isEmpty()) {
            return missing(name, "read p99 ≤ 1.25 × without writes");
        }
        if (w.containsKey("runFailed") || b.containsKey("runFailed")) {
            return new Row(name, "invalid run: Gatling saw failed requests (see the results' gatling logs)", "—", "—",
                    "read p99 ≤ 1.25 × without writes", "invalid run");
        }
        double ratio = d(w, "p99Ms") / Math.max(1, d(b, "p99Ms"));
        String rounds = w.containsKey("rounds") ? f(" (medians of %.0f rounds)", d(w, "rounds")) : "";
        return new Row(name, f("read p99 %.0f ms at %,.0f polls/s, %.0f KO; writes %,.0f/s, %.0f KO%s", d(w, "p99Ms"),
                d(w, "perSecond"), d(w, "ko"), d(c, "perSecond"), d(c, "ko"), rounds),
                f("no writes: read p99 %.0f ms at %,.0f polls/s, %.0f KO", d(b, "p99Ms"), d(b, "perSecond"), d(b, "ko")),
                f("%.2f×", ratio), "≤ 1.25×", verdict(ratio <= 1.25 && d(w, "ko") == 0 && d(b, "ko") == 0));
    }

    private Row propagation() {
        Properties p = Results.load(dir, "propagation");
        String name = "propagation: command accepted → manifest served on the player port";
        if (p.isEmpty()) {
            return missing(name, "p50 ≤ 30 ms, p99 ≤ 100 ms at 100 commands/s");
        }
        boolean pass = d(p, "p50Ms") <= 30 && d(p, "p99Ms") <= 100 && d(p, "failures") == 0 && d(p, "commandsPerSecond") >= 95;
        return new Row(name, f("p50 %.1f ms, p99 %.1f ms, max %.0f ms at %.0f commands/s, %.0f failures", d(p, "p50Ms"),
                d(p, "p99Ms"), d(p, "maxMs"), d(p, "commandsPerSecond"), d(p, "failures")), "—", "—",
                "p50 ≤ 30 ms, p99 ≤ 100 ms at 100 commands/s", verdict(pass));
    }

    private Row commands() {
        Properties c = Results.load(dir, "commands");
        Properties j = Results.load(dir, "jdbc-baseline");
        String name = "command throughput, mixed, closed loop (Gatling)";
        if (c.isEmpty()) {
            return missing(name, "≥ 2,000 commands/s, p99 ≤ 50 ms");
        }
        boolean pass = d(c, "perSecond") >= 2000 && d(c, "p99Ms") <= 50 && d(c, "ko") == 0;
        return new Row(name, f("%,.0f commands/s, p99 %.0f ms, %.0f KO", d(c, "perSecond"), d(c, "p99Ms"), d(c, "ko")),
                j.isEmpty() ? "not measured" : f("raw JDBC insert %,.0f rows/s, p99 %.1f ms (%.0f connections)",
                        d(j, "rowsPerSecond"), d(j, "p99Ms"), d(j, "concurrency")),
                j.isEmpty() ? "—" : percent(d(c, "perSecond") / d(j, "rowsPerSecond")), "≥ 2,000 commands/s, p99 ≤ 50 ms",
                verdict(pass));
    }

    private Row rebuild() {
        Properties r = Results.load(dir, "rebuild");
        Properties k = Results.load(dir, "kafka-baseline");
        String name = "projection rebuild from Kafka";
        if (r.isEmpty()) {
            return new Row(name, "not measured", k.isEmpty() ? "not measured" : f("bare consumer %,.0f events/s", d(k, "eventsPerSecond")),
                    "—", "≥ 50,000 events/s", "not measured");
        }
        return new Row(name, f("%,.0f events/s over %,.0f events", d(r, "eventsPerSecond"), d(r, "events")),
                k.isEmpty() ? "not measured" : f("bare consumer %,.0f events/s", d(k, "eventsPerSecond")),
                k.isEmpty() ? "—" : percent(d(r, "eventsPerSecond") / d(k, "eventsPerSecond")), "≥ 50,000 events/s",
                verdict(d(r, "eventsPerSecond") >= 50_000));
    }

    private Row streams() {
        Properties s = Results.load(dir, "sse");
        String name = "open SSE manifest streams on one query-api";
        if (s.isEmpty()) {
            return missing(name, "all receive a change within 2 s; heap per 1,000 streams");
        }
        boolean pass = d(s, "receivedWithin2s") >= d(s, "streams");
        String heap = s.containsKey("heapPer1000StreamsMiB") ? f("; heap %.1f MiB per 1,000 streams (live heap %.0f → %.0f MiB)",
                d(s, "heapPer1000StreamsMiB"), d(s, "heapBeforeMiB"), d(s, "heapAfterMiB")) : "";
        String first = s.containsKey("firstP50Ms") ? f("; measured after %.0f unmeasured change(s), the first of which (cold JIT): %,.0f within 2 s, p50 %.0f ms, max %.0f ms",
                d(s, "warmups"), d(s, "firstReceivedWithin2s"), d(s, "firstP50Ms"), d(s, "firstMaxMs")) : "";
        String split = s.containsKey("sentToGeneratedP50Ms") ? f(" (command → manifest stored p50 %.0f ms, stored → on the stream p50 %.0f ms, p99 %.0f ms)",
                d(s, "sentToGeneratedP50Ms"), d(s, "generatedToStreamP50Ms"), d(s, "generatedToStreamP99Ms")) : "";
        return new Row(name + f(" (%,.0f)", d(s, "streams")), f("%,.0f open, %,.0f changed within 2 s; delay p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                d(s, "open"), d(s, "receivedWithin2s"), d(s, "p50Ms"), d(s, "p99Ms"), d(s, "maxMs")) + split + first + heap, "—", "—",
                "all within 2 s", verdict(pass));
    }

    private static Row missing(String name, String goal) {
        return new Row(name, "not measured", "—", "—", goal, "not measured");
    }

    private static String verdict(boolean pass) {
        return pass ? "pass" : "**short**";
    }

    private static double d(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key, "NaN"));
    }

    private static String percent(double ratio) {
        return f("%.0f%%", ratio * 100);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
