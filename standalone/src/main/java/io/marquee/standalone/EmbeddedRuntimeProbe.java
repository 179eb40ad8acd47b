package io.marquee.standalone;

import io.marquee.infra.runtime.EmbeddedKafkaBroker;
import io.marquee.infra.runtime.EmbeddedPostgresServer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Finds the Kafka broker and PostgreSQL server a tool should use: those the settings name; else, when
 * the platform is running on {@code marquee.data-dir} (its broker holds {@code embedded-kafka.lock}),
 * that platform's embedded servers, at the ports in their port files; else embedded servers started
 * on the data dir for the tool (added to {@code started}, for the caller to close). Never a second
 * broker or database on the same directory.
 */
final class EmbeddedRuntimeProbe {

    private static final String HOST = "127.0.0.1";

    private EmbeddedRuntimeProbe() {
    }

    static Map<String, Object> addresses(String[] args, List<AutoCloseable> started) {
        return addresses(args, started, true);
    }

    /**
     * The same, for a process that must join a platform rather than start servers of its own: without
     * external addresses and without a platform running on the data dir, it fails.
     */
    static Map<String, Object> runningPlatformAddresses(String[] args) {
        return addresses(args, List.of(), false);
    }

    private static Map<String, Object> addresses(String[] args, List<AutoCloseable> started, boolean mayStart) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        Binder settings = Binder.get(environment);
        Path dataDir = Path.of(settings.bind("marquee.data-dir", String.class).orElse("data")).toAbsolutePath();
        boolean platformRunning = brokerRunning(dataDir.resolve("kafka"));
        boolean external = settings.bind("marquee.kafka.bootstrap-servers", String.class).isBound()
                && settings.bind("marquee.db.url", String.class).isBound();
        if (!mayStart && !platformRunning && !external) {
            throw new IllegalArgumentException("No platform is running on " + dataDir + " and no external Kafka and "
                    + "PostgreSQL are named (MARQUEE_KAFKA_BOOTSTRAP_SERVERS, MARQUEE_DB_URL): start the platform first, "
                    + "or name its data dir with --marquee.data-dir=DIR");
        }
        Map<String, Object> addresses = new HashMap<>();
        if (!settings.bind("marquee.kafka.bootstrap-servers", String.class).isBound()) {
            addresses.put("marquee.kafka.bootstrap-servers", platformRunning
                    ? HOST + ":" + port(dataDir.resolve("kafka/embedded-kafka.properties"))
                    : startBroker(dataDir, started));
        }
        if (!settings.bind("marquee.db.url", String.class).isBound()) {
            EmbeddedPostgresServer postgres = platformRunning ? null : startPostgres(dataDir, started);
            addresses.put("marquee.db.url", postgres != null
                    ? postgres.jdbcUrl(EmbeddedPostgresServer.DEFAULT_DATABASE)
                    : "jdbc:postgresql://" + HOST + ":" + port(dataDir.resolve("postgres/embedded-postgres.properties"))
                        + "/" + EmbeddedPostgresServer.DEFAULT_DATABASE);
            // the embedded server's superuser; it trusts loopback connections
            addresses.put("marquee.db.username", "postgres");
            addresses.put("marquee.db.password", "postgres");
        }
        System.out.println(platformRunning ? "Using the platform running on " + dataDir : "Using " + addresses.get("marquee.db.url"));
        return addresses;
    }

    private static String startBroker(Path dataDir, List<AutoCloseable> started) {
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0);
        started.add(0, kafka);
        return kafka.bootstrapServers();
    }

    private static EmbeddedPostgresServer startPostgres(Path dataDir, List<AutoCloseable> started) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0);
        started.add(postgres);
        postgres.ensureDatabase(EmbeddedPostgresServer.DEFAULT_DATABASE);
        return postgres;
    }

    /** The broker holds this lock from start to close; if we can take it, nobody runs on the directory. */
    static boolean brokerRunning(Path kafkaDir) {
        Path lockFile = kafkaDir.resolve("embedded-kafka.lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held in this very JVM
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + lockFile, e);
        }
    }

    private static int port(Path portFile) {
        Properties ports = new Properties();
        try (InputStream in = Files.newInputStream(portFile)) {
            ports.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the platform runs on this data dir but " + portFile + " is unreadable", e);
        }
        return Integer.parseInt(ports.getProperty("port"));
    }
}
