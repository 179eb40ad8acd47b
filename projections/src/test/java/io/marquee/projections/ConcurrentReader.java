package io.marquee.projections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A reader of the live read models on its own connection, as an admin view would read them: each round
 * joins every watched display's row, its playlist and its manifest. It records every failed read and every
 * manifest version that went backwards, so a test can assert that a rebuild and its switch broke no read.
 */
final class ConcurrentReader implements AutoCloseable {

    private static final String READ = """
            SELECT m.version FROM projection_display d
            JOIN display_manifest m ON m.display_id = d.display_id
            LEFT JOIN projection_playlist p ON p.playlist_id = d.playlist_id
            WHERE d.display_id = ?""";

    private final List<UUID> displays;
    private final String url;
    private final String user;
    private final String password;
    private final Map<UUID, Long> versions = new ConcurrentHashMap<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final AtomicLong reads = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean started;

    ConcurrentReader(String url, String user, String password, List<UUID> displays) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.displays = List.copyOf(displays);
        this.thread = new Thread(this::loop, "concurrent-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); // bounded, whatever the test does
        while (!stopped && System.nanoTime() < deadline) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 PreparedStatement read = connection.prepareStatement(READ)) {
                // Until it has read every display once, the schema may still be migrating: give way to the
                // migrations (a join waiting on one table while holding another would deadlock them).
                connection.createStatement().execute(started ? "SET lock_timeout = 0" : "SET lock_timeout = '50ms'");
                while (!stopped && System.nanoTime() < deadline) {
                    boolean wasStarted = started;
                    round(read);
                    if (started && !wasStarted) {
                        connection.createStatement().execute("SET lock_timeout = 0");
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
            } catch (SQLException e) {
                if (started) {
                    failures.add(e.getMessage());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    private void round(PreparedStatement read) throws SQLException {
        boolean complete = true;
        for (UUID display : displays) {
            read.setObject(1, display);
            try (ResultSet result = read.executeQuery()) {
                if (!result.next()) {
                    if (started) {
                        failures.add("no manifest for " + display);
                    }
                    complete = false;
                    continue;
                }
                long version = result.getLong(1);
                Long previous = versions.put(display, version);
                if (previous != null && version < previous) {
                    failures.add("version of " + display + " went back from " + previous + " to " + version);
                }
            }
            reads.incrementAndGet();
        }
        // failures count once every display has been read in one round (before, tables or rows may not exist yet)
        started |= complete;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
