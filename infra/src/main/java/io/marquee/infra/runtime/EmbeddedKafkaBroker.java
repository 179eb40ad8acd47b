package io.marquee.infra.runtime;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * A real single-node Kafka broker running in this JVM, in KRaft combined mode (broker and
 * controller in one node), listening on 127.0.0.1 only.
 *
 * <p>Everything lives under one directory: the Kafka log directory ({@code kafka-logs}), the
 * ports it chose ({@code embedded-kafka.properties}) and a lock held from start to close
 * ({@code embedded-kafka.lock}). Starting again on the same directory keeps topics, records,
 * committed offsets and the address clients connect to.
 *
 * <p>A fatal fault while starting is thrown rather than halting the JVM (Kafka's own reaction);
 * a fatal fault later, while running, still halts it, as it would a broker process.
 *
 * <p>Built on Kafka's own server classes ({@link KafkaRaftServer}, and {@link StorageTool} for the
 * one-time storage format) rather than spring-kafka-test's broker, which needs temporary
 * directories and test jars.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String PORT_FILE = "embedded-kafka.properties";
    private static final String LOCK_FILE = "embedded-kafka.lock";
    private static final String LOG_DIRS = "kafka-logs";

    private final Path directory;
    private final Path kafkaLogs;
    private final int port;
    private final int controllerPort;
    private FileChannel lock; // holds the directory from start to close; guarded by this
    private KafkaRaftServer server; // guarded by this

    private EmbeddedKafkaBroker(Path directory, FileChannel lock, int port, int controllerPort) {
        this.directory = directory;
        this.kafkaLogs = directory.resolve(LOG_DIRS);
        this.lock = lock;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker on {@code logDir}, formatting the storage the first time.
     *
     * @param logDir the broker's directory, created if missing
     * @param port   the client (PLAINTEXT) port; 0 means the port used last time on this directory,
     *               or a free loopback port the first time
     * @return the running broker
     * @throws IllegalStateException if another broker uses the directory, or the broker cannot start
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port) {
        Path directory = logDir.toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        FileChannel lock = lock(directory);
        try {
            PortFile ports = PortFile.load(directory.resolve(PORT_FILE));
            int clientPort = ports.resolve("port", port);
            // The controller port is the quorum's address (controller.quorum.voters): it must stay
            // the same across restarts too.
            int controllerPort = ports.resolve("controller.port", 0);
            ports.save();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(directory, lock, clientPort, controllerPort);
            broker.startServer();
            return broker;
        } catch (RuntimeException e) {
            release(lock, directory);
            throw e;
        }
    }

    /** {@code host:port} for the {@code bootstrap.servers} client setting. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The client (PLAINTEXT) port, stable for this directory. */
    public int port() {
        return port;
    }

    /** The directory given to {@link #start(Path, int)}. */
    public Path logDir() {
        return directory;
    }

    /** Whether the broker is up (between a start or restart and the next stop). */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Shuts the broker down cleanly and waits for it; does nothing if it is not running. The
     * directory stays reserved for a {@link #restart()}.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        long started = System.nanoTime();
        stopping.shutdown();
        stopping.awaitShutdown();
        log.info("Kafka broker {} stopped in {} ms", bootstrapServers(), millisSince(started));
    }

    /**
     * Starts the broker again on the same directory and ports, stopping it first if it is
     * running. Clients that kept running reconnect to the same address.
     */
    public synchronized void restart() {
        stop();
        if (lock == null) { // closed before: take the directory back
            lock = lock(directory);
        }
        startServer();
    }

    /** Stops the broker, like {@link #stop()}, and releases the directory. */
    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            release(lock, directory);
            lock = null;
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", " + directory + "]";
    }

    private synchronized void startServer() {
        long started = System.nanoTime();
        // Kafka answers a fatal fault (a port in use, say) by halting the JVM: right for a broker
        // process, wrong for one inside an application or a test run. While starting, turn it into
        // an exception the caller can report. (Exit has no getter, so this resets to the default.)
        Exit.Procedure raise = (status, message) -> {
            throw new IllegalStateException("Kafka broker hit a fatal fault (status " + status + ")"
                    + (message != null ? ": " + message : ""));
        };
        Exit.setHaltProcedure(raise);
        Exit.setExitProcedure(raise);
        KafkaRaftServer starting = null;
        try {
            formatStorageIfNeeded();
            // A fresh KafkaConfig each time: the server mutates its config's dynamic state on startup.
            starting = new KafkaRaftServer(new KafkaConfig(serverProperties()), Time.SYSTEM);
            starting.startup();
        } catch (RuntimeException e) {
            if (starting != null) {
                // A half-started server keeps non-daemon threads alive and would hang the JVM.
                shutdownQuietly(starting);
            }
            throw new IllegalStateException("Kafka broker failed to start on " + directory, e);
        } finally {
            Exit.resetHaltProcedure();
            Exit.resetExitProcedure();
        }
        server = starting;
        log.info("Kafka broker started on {} in {} ms (log dir {})", bootstrapServers(), millisSince(started), kafkaLogs);
    }

    /**
     * Kafka locks its log directory only when the broker part starts, after the controller has
     * opened the metadata log: a second broker on the same directory would damage the first one
     * before failing. Take a lock of our own first, so it fails cleanly.
     */
    private static FileChannel lock(Path directory) {
        try {
            FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock acquired;
            try {
                acquired = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                acquired = null; // held elsewhere in this JVM
            }
            if (acquired == null) {
                channel.close();
                throw new IllegalStateException("Kafka directory " + directory + " is in use by another broker");
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + directory, e);
        }
    }

    private static void release(FileChannel lock, Path directory) {
        if (lock == null) {
            return;
        }
        try {
            lock.close(); // closing the channel releases its lock
        } catch (IOException e) {
            log.warn("Could not release the lock on {}", directory, e);
        }
    }

    /**
     * Formats the storage the first time (meta.properties and the bootstrap metadata), exactly as
     * {@code kafka-storage.sh format} does. StorageTool is the entry point kafka_2.13 exposes at
     * compile scope; it reads the server config from a file, so one is written for the occasion.
     */
    private void formatStorageIfNeeded() {
        if (Files.exists(kafkaLogs.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Path config = directory.resolve("format-server.properties");
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            try (OutputStream out = Files.newOutputStream(config)) {
                serverProperties().store(out, "Written to format the storage, then deleted");
            }
            String[] args = {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()};
            if (StorageTool.execute(args, printStream) != 0) {
                throw new IllegalStateException(output.toString(StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format Kafka storage in " + kafkaLogs, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot format Kafka storage in " + kafkaLogs, e);
        } finally {
            deleteQuietly(config);
        }
        log.info("Formatted Kafka storage: {}", output.toString(StandardCharsets.UTF_8).trim());
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("process.roles", "broker,controller");
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        // A static one-voter quorum: nothing to bootstrap, and the same voter on every restart.
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("log.dirs", kafkaLogs.toString());

        // One node: every internal topic has a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        // Fewer internal partitions than the 50 default: faster first group/transaction, fewer files.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        // Consumers join at once instead of waiting 3 s for more members.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "3");
        // Topics are declared by the application; a typo must not create one.
        p.put("auto.create.topics.enable", "false");

        // Modest footprint in a shared JVM: the cleaner's dedupe buffer is 128 MB of heap by default.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        return p;
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Error shutting down a Kafka broker that failed to start", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not delete {}", file, e);
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
