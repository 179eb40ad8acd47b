package io.marquee.loadtests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of latencies in milliseconds. */
final class Percentiles {

    private final List<Double> sorted;

    Percentiles(Collection<Double> millis) {
        sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
    }

    int count() {
        return sorted.size();
    }

    double at(double percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    Results into(Results results) {
        return results.put("count", count()).put("p50Ms", at(50)).put("p99Ms", at(99)).put("maxMs", at(100));
    }
}
