package io.marquee.infra.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Kafka and PostgreSQL for running Marquee on one machine with nothing installed: an
 * {@link EmbeddedKafkaBroker} in {@code <dataDir>/kafka} and an {@link EmbeddedPostgresServer} in
 * {@code <dataDir>/postgres}, both on loopback. Starting again on the same directory brings back
 * the same data on the same ports.
 *
 * <p>Close it after everything that uses it (a Spring context, say).
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalRuntime.class);

    private final Path dataDir;
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedPostgresServer postgres;
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalRuntime(Path dataDir, EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres, boolean temporary) {
        this.dataDir = dataDir;
        this.kafka = kafka;
        this.postgres = postgres;
        this.temporary = temporary;
    }

    /**
     * Starts PostgreSQL and Kafka under {@code dataDir} (created if missing), on the ports they
     * used last time there, or free loopback ports the first time.
     */
    public static LocalRuntime start(Path dataDir) {
        return start(dataDir.toAbsolutePath(), false);
    }

    /** Starts a runtime in a new temporary directory that {@link #close()} deletes; for tests. */
    public static LocalRuntime startTemporary() {
        Path dir;
        try {
            dir = Files.createTempDirectory("marquee-runtime-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        try {
            return start(dir, true);
        } catch (RuntimeException e) {
            deleteRecursively(dir);
            throw e;
        }
    }

    private static LocalRuntime start(Path dataDir, boolean temporary) {
        long started = System.nanoTime();
        // PostgreSQL is another process: start it alongside the in-JVM broker, which saves a few
        // seconds on a cold start (initdb, Kafka's class loading).
        CompletableFuture<EmbeddedPostgresServer> postgresStart = CompletableFuture.supplyAsync(
                () -> EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0),
                task -> new Thread(task, "local-runtime-postgres-start").start());
        EmbeddedKafkaBroker kafka;
        try {
            kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0);
        } catch (RuntimeException e) {
            // Never leave a PostgreSQL process behind a failed start.
            try {
                postgresStart.join().close();
            } catch (RuntimeException postgresFailure) {
                e.addSuppressed(postgresFailure);
            }
            throw e;
        }
        EmbeddedPostgresServer postgres;
        try {
            postgres = postgresStart.join();
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        LocalRuntime runtime = new LocalRuntime(dataDir, kafka, postgres, temporary);
        log.info("Local runtime started in {} ms: Kafka at {}, PostgreSQL at {}, data in {}{}",
                (System.nanoTime() - started) / 1_000_000, kafka.bootstrapServers(),
                runtime.jdbcUrl(), dataDir, temporary ? " (temporary)" : "");
        return runtime;
    }

    /** The Kafka broker, e.g. to stop and restart it in a test. */
    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    /** The PostgreSQL server, e.g. for other databases. */
    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** {@code bootstrap.servers} for Kafka clients. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The JDBC URL of the {@value EmbeddedPostgresServer#DEFAULT_DATABASE} database. */
    public String jdbcUrl() {
        return postgres.jdbcUrl(EmbeddedPostgresServer.DEFAULT_DATABASE);
    }

    /** The database user. */
    public String username() {
        return postgres.username();
    }

    /** The database password. */
    public String password() {
        return postgres.password();
    }

    /** The directory holding both servers' data. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Stops Kafka, then PostgreSQL (Kafka holds no connections to it, but applications on top may
     * still be flushing to both), then deletes a temporary directory. Only the first call does
     * anything; a failure to stop one server does not keep the other running.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        RuntimeException failure = null;
        try {
            kafka.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            postgres.close();
        } catch (RuntimeException e) {
            failure = addTo(failure, e);
        }
        if (temporary) {
            deleteRecursively(dataDir);
        }
        if (failure != null) {
            throw failure;
        }
        log.info("Local runtime in {} stopped", dataDir);
    }

    @Override
    public String toString() {
        return "LocalRuntime[" + kafka.bootstrapServers() + ", " + jdbcUrl() + ", " + dataDir + "]";
    }

    private static RuntimeException addTo(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete temporary runtime directory {}", dir, e);
        }
    }
}
