package io.marquee.loadtests;

/** The simulations' parameters, as system properties so that bench.sh and the smoke test can shrink them. */
final class Knobs {

    private Knobs() {
    }

    static int integer(String name, int fallback) {
        return Integer.parseInt(System.getProperty("marquee." + name, Integer.toString(fallback)));
    }
}
