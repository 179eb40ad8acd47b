package io.marquee.loadtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads one request's (or "All Requests") figures from the statistics table of the newest Gatling
 * report in a results folder (Gatling 3.15 writes no stats.json), and saves them as {@link Results}.
 *
 * <p>Usage: {@code GatlingStats resultsFolder reportPrefix requestName resultName [durationSeconds]}
 */
public final class GatlingStats {

    private static final Pattern CELL = Pattern.compile("col-(\\d+)\">([^<]*)<");

    public static void main(String[] args) throws IOException {
        Path report = newest(Path.of(args[0]), args[1]);
        Map<Integer, String> row = row(Files.readString(report.resolve("index.html")), args[2]);
        // Gatling's own rate divides by the whole simulation, warm-up included; given the measured phase's
        // length, the rate is that phase's
        double perSecond = args.length > 4 ? number(row, 2) / Double.parseDouble(args[4]) : number(row, 6);
        Results results = new Results().put("report", report.getFileName().toString())
                .put("count", number(row, 2)).put("ok", number(row, 3)).put("ko", number(row, 4))
                .put("perSecond", perSecond).put("p50Ms", number(row, 8)).put("p99Ms", number(row, 11))
                .put("maxMs", number(row, 12));
        results.save(args[3]);
    }

    static Path newest(Path folder, String prefix) throws IOException {
        try (Stream<Path> reports = Files.list(folder)) {
            return reports.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.exists(p.resolve("index.html")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling report " + prefix + "* in " + folder));
        }
    }

    /** The table cells (by column number) of the row whose name is {@code name}. */
    static Map<Integer, String> row(String html, String name) {
        int at = html.indexOf("class=\"ellipsed-name\">" + name + "</span>");
        if (at < 0) {
            throw new IllegalStateException("no row named " + name + " in the Gatling report");
        }
        String tail = html.substring(at, html.indexOf("</tr>", at));
        Map<Integer, String> cells = new HashMap<>();
        Matcher cell = CELL.matcher(tail);
        while (cell.find()) {
            cells.put(Integer.parseInt(cell.group(1)), cell.group(2).trim());
        }
        return cells;
    }

    private static double number(Map<Integer, String> row, int column) {
        String value = row.getOrDefault(column, "-").replace(",", "");
        return value.equals("-") || value.isEmpty() ? 0 : Double.parseDouble(value);
    }
}
