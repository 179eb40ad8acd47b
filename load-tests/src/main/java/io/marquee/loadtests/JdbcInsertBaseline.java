package io.marquee.loadtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenario 5's baseline: the same PostgreSQL, {@code concurrency} connections each inserting, one
 * committed transaction at a time, rows equal to the event store's (same columns, constraints and a
 * real event's payload and metadata bytes) into a scratch copy of {@code domain_event_entry} with its
 * own sequence, dropped afterwards. The insert rate bounds what any command path on it can reach.
 *
 * <p>Usage: {@code JdbcInsertBaseline jdbcUrl user password [concurrency=32] [seconds=30]}
 */
public final class JdbcInsertBaseline {

    private static final String TABLE = "load_suite_insert_baseline";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int concurrency = Results.intArg(args, 3, 32);
        int seconds = Results.intArg(args, 4, 30);
        byte[][] sample;
        String schema;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            schema = schemaOf(s);
            sample = sampleEvent(s, schema);
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (LIKE " + schema + ".domain_event_entry INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            s.execute("ALTER TABLE " + TABLE + " ALTER COLUMN global_index ADD GENERATED ALWAYS AS IDENTITY");
        }
        Queue<Double> latencies = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Integer>> counts = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            counts.add(pool.submit(() -> insertUntil(url, user, password, sample, deadline, latencies)));
        }
        long rows = 0;
        for (Future<Integer> count : counts) {
            rows += count.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + TABLE);
        }
        new Percentiles(latencies).into(new Results()).put("rowsPerSecond", rows / elapsed).put("concurrency", concurrency)
                .put("payloadBytes", sample[0].length).save("jdbc-baseline");
    }

    private static String schemaOf(Statement s) throws Exception {
        try (ResultSet r = s.executeQuery("SELECT table_schema FROM information_schema.tables WHERE table_name = 'domain_event_entry'")) {
            if (!r.next()) {
                throw new IllegalStateException("no domain_event_entry table: is the platform started and seeded?");
            }
            return r.getString(1);
        }
    }

    private static byte[][] sampleEvent(Statement s, String schema) throws Exception {
        try (ResultSet r = s.executeQuery("SELECT payload, meta_data FROM " + schema
                + ".domain_event_entry ORDER BY global_index DESC LIMIT 1")) {
            r.next();
            return new byte[][] {r.getBytes(1), r.getBytes(2)};
        }
    }

    private static int insertUntil(String url, String user, String password, byte[][] sample, long deadline,
                                   Queue<Double> latencies) throws Exception {
        int rows = 0;
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (event_identifier, aggregate_identifier,"
                     + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                     + " VALUES (?, ?, 0, 'Display', ?, 'io.marquee.events.display.DisplayRenamed', NULL, ?, ?)")) {
            while (System.nanoTime() < deadline) {
                long start = System.nanoTime();
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, java.time.Instant.now().toString());
                insert.setBytes(4, sample[0]);
                insert.setBytes(5, sample[1]);
                insert.executeUpdate();
                latencies.add((System.nanoTime() - start) / 1e6);
                rows++;
            }
        }
        return rows;
    }
}
