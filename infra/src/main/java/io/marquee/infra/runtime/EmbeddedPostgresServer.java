package io.marquee.infra.runtime;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server (zonky's {@link EmbeddedPostgres}, a separate process) with a persistent data
 * directory, listening on 127.0.0.1 only.
 *
 * <p>Under the given directory: the cluster ({@code pgdata}, initialised once) and the chosen port
 * ({@code embedded-postgres.properties}). Starting again on the same directory keeps every database
 * and the port. The database {@value #DEFAULT_DATABASE} is created on start if missing.
 *
 * <p>No JVM shutdown hook is registered: the owner closes the server, after whatever uses it
 * (a Spring context, say), so the database never disappears under a running application.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The database every Marquee service uses. */
    public static final String DEFAULT_DATABASE = "marquee";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final String HOST = "127.0.0.1";
    private static final String PORT_FILE = "embedded-postgres.properties";
    private static final String DATA_DIR = "pgdata";
    // zonky's superuser; initdb runs with trust authentication, so the password is not checked.
    private static final String USERNAME = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code directory}, running initdb only the first time, and creates the
     * {@value #DEFAULT_DATABASE} database if missing.
     *
     * @param directory the server's directory, created if missing
     * @param port      0 means the port used last time on this directory, or a free loopback port
     *                  the first time
     * @return the running server
     */
    public static EmbeddedPostgresServer start(Path directory, int port) {
        Path root = directory.toAbsolutePath();
        Path data = root.resolve(DATA_DIR);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
        checkCanRunHere();
        PortFile ports = PortFile.load(root.resolve(PORT_FILE));
        int chosenPort = ports.resolve("port", port);
        ports.save();

        boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
        long started = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    // zonky runs initdb only when postgresql.conf is missing and this is false.
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(chosenPort)
                    .setServerConfig("listen_addresses", HOST)
                    // zonky's defaults are for throwaway test databases: synchronous_commit=off (a commit
                    // answers before its WAL is written, so killing the server loses it) and -F (no fsync,
                    // so an OS crash does). This one holds the event store: a command it accepted stays.
                    // (-c options follow zonky's -F on the command line, so they win.)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL failed to start on " + data, e);
        } catch (NoSuchMethodError e) {
            // Seen when unpacking the binaries with commons-compress 1.28 on an older commons-io
            // (kafka_2.13 brings 2.14.0 and wins Maven's nearest-first mediation).
            throw new IllegalStateException("PostgreSQL binaries could not be unpacked: commons-io on the "
                    + "classpath is older than commons-compress needs (pin commons-io:commons-io 2.20.0)", e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(data, postgres);
        try {
            server.ensureDatabase(DEFAULT_DATABASE);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        log.info("PostgreSQL started on {}:{} in {} ms ({}data dir {})", HOST, chosenPort,
                (System.nanoTime() - started) / 1_000_000, fresh ? "new " : "", data);
        return server;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    /** The superuser's name. */
    public String username() {
        return USERNAME;
    }

    /** The superuser's password (not checked: the server trusts loopback connections). */
    public String password() {
        return PASSWORD;
    }

    /** The port, stable for this directory. */
    public int port() {
        return postgres.getPort();
    }

    /** The PostgreSQL data directory (the cluster itself). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Creates the database {@code name} if it does not exist yet.
     *
     * @param name a plain lower-case identifier, so it needs no quoting anywhere
     */
    public void ensureDatabase(String name) {
        if (!PLAIN_IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
            log.info("Created database {}", name);
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // duplicate_database: someone else created it in between
            }
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** Stops the server (fast shutdown) and waits for it; further calls do nothing. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL on " + dataDirectory, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + HOST + ":" + port() + ", " + dataDirectory + "]";
    }

    /**
     * PostgreSQL refuses to run as root. zonky then runs initdb and pg_ctl under
     * {@code unshare -U} (a user namespace where the process is not root), which needs user
     * namespaces to be allowed; say so clearly instead of failing inside initdb.
     */
    private static void checkCanRunHere() {
        boolean root = isRoot();
        if (root && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL cannot run as root, and `unshare -U` (which the embedded "
                    + "server uses to drop root) is not available: run as another user or allow user namespaces");
        }
        if (root) {
            log.debug("Running as root: PostgreSQL runs in a user namespace (unshare -U)");
        }
    }

    private static boolean isRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return false; // not a Unix system: zonky has nothing to work around
        }
    }
}
