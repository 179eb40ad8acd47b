package io.marquee.projections.rebuild;

import java.time.Duration;

/**
 * Where a rebuild stands: events applied out of those on the topic (from the end offsets), where this
 * run started (more than 0 when it resumed an interrupted one), its rate, and the time left at that rate
 * (null while unknown).
 */
public record RebuildProgress(String projection, long done, long total, long resumedAt, double eventsPerSecond,
                              Duration eta) {

    /** One console line, e.g. {@code manifests: 420000/1000000 events (42.0%), 21000 events/s, ETA 28s}. */
    public String line() {
        double percent = total == 0 ? 100 : 100.0 * done / total;
        return String.format("%s: %d/%d events (%.1f%%), %.0f events/s, ETA %s", projection, done, total, percent,
                eventsPerSecond, eta == null ? "?" : eta.toSeconds() + "s");
    }
}
