package io.marquee.infra.runtime;

/**
 * One {@link LocalRuntime} per test JVM, started on first use in a temporary directory and closed
 * by a shutdown hook, so every integration test in a module shares one broker and one database.
 *
 * <p>With Testcontainers on the classpath and a reachable Docker engine one would use containers
 * instead; there is no Docker here, so the embedded runtime stands in.
 *
 * <p>Tests that stop the broker or drop data should start their own runtime instead.
 */
public final class SharedTestRuntime {

    private static LocalRuntime runtime; // guarded by SharedTestRuntime.class

    private SharedTestRuntime() {
    }

    /** The shared runtime, started on the first call; a failed start is retried by the next call. */
    public static synchronized LocalRuntime get() {
        if (runtime == null) {
            LocalRuntime started = LocalRuntime.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-test-runtime-close"));
            runtime = started;
        }
        return runtime;
    }
}
