package io.marquee.loadtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One scenario's measured figures, kept as {@code <results>/<name>.properties} for the
 * {@link ReportWriter}: drivers and the Gatling stats reader write them, bench.sh's wrk runs too.
 */
public final class Results {

    private final Map<String, String> values = new TreeMap<>();

    public Results put(String key, double value) {
        values.put(key, String.format(Locale.ROOT, "%.3f", value));
        return this;
    }

    public Results put(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** Writes them under the directory named by {@code marquee.results} (default target/results). */
    public void save(String name) {
        Path dir = Path.of(System.getProperty("marquee.results", "target/results"));
        Properties p = new Properties();
        p.putAll(values);
        try {
            Files.createDirectories(dir);
            try (var out = Files.newOutputStream(dir.resolve(name + ".properties"))) {
                p.store(out, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(name + ": " + values);
    }

    static Properties load(Path dir, String name) {
        Properties p = new Properties();
        Path file = dir.resolve(name + ".properties");
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
