package io.marquee.projections.rebuild;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Rebuilds a registered read model from the first event of {@code marquee.events} into its side schema,
 * with a consumer group of its own, then switches readers to it (see {@link RebuildRun}). Progress is
 * the group's committed offsets plus the side tables, so a stopped rebuild resumes where it stopped.
 * One rebuild per projection at a time, across processes: a PostgreSQL advisory lock guards it.
 */
@Component
public class ProjectionRebuilds {

    /** How a rebuild ended. */
    public enum Outcome { SWITCHED, STOPPED }

    /**
     * @param progressEvery how often to report progress
     * @param progress      receives the reports
     * @param stop          checked between batches; true stops the rebuild (it can be resumed)
     * @param maxBatches    stop after this many batches (tests interrupt a rebuild this way)
     * @param batchSize     most events per batch (one transaction each)
     */
    public record Options(Duration progressEvery, Consumer<RebuildProgress> progress, BooleanSupplier stop,
                          long maxBatches, int batchSize) {

        public static Options reportingTo(Consumer<RebuildProgress> progress, Duration every) {
            return new Options(every, progress, () -> false, Long.MAX_VALUE, 2_000);
        }

        public Options stoppingWhen(BooleanSupplier condition) {
            return new Options(progressEvery, progress, condition, maxBatches, batchSize);
        }

        public Options stoppingAfter(long batches) {
            return new Options(progressEvery, progress, stop, batches, batchSize);
        }

        public Options inBatchesOf(int events) {
            return new Options(progressEvery, progress, stop, maxBatches, events);
        }
    }

    private final List<RebuildableProjection> projections;
    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaAdmin kafkaAdmin;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;

    ProjectionRebuilds(List<RebuildableProjection> projections, ConsumerFactory<String, byte[]> consumers,
                       KafkaAdmin kafkaAdmin, JdbcTemplate jdbc, TransactionTemplate transaction, DataSource dataSource) {
        this.projections = projections;
        this.consumers = consumers;
        this.kafkaAdmin = kafkaAdmin;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.dataSource = dataSource;
    }

    /** Every registered projection. */
    public List<RebuildableProjection> projections() {
        return projections;
    }

    /** @throws IllegalArgumentException naming the known projections if there is none of this name */
    public RebuildableProjection projection(String name) {
        return projections.stream().filter(projection -> projection.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no projection named '" + name + "'; known: "
                        + projections.stream().map(RebuildableProjection::name).toList()));
    }

    /** The version of the code that built the live tables (1 if never recorded). */
    public int liveVersion(String projection) {
        return new ProjectionVersions(jdbc).live(projection);
    }

    /** Records the code's version as live when none is recorded yet. */
    void recordIfAbsent(RebuildableProjection projection) {
        ProjectionVersions versions = new ProjectionVersions(jdbc);
        if (versions.recorded(projection.name()).isEmpty()) {
            versions.record(projection.name(), projection.version());
        }
    }

    /**
     * Rebuilds the projection and switches to it, unless stopped first.
     *
     * @throws IllegalStateException if a rebuild of the same projection is running (here or elsewhere)
     */
    public Outcome rebuild(RebuildableProjection projection, Options options) {
        try (Connection guard = dataSource.getConnection()) {
            if (!claim(guard, projection.name())) {
                throw new IllegalStateException("a rebuild of '" + projection.name() + "' is already running");
            }
            try {
                return new RebuildRun(projection, options, consumers, kafkaAdmin, jdbc, transaction).run();
            } finally {
                release(guard, projection.name());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL for the rebuild of " + projection.name(), e);
        }
    }

    /** A session-level advisory lock: released explicitly, since the pool keeps the connection open. */
    private static boolean claim(Connection guard, String projection) throws SQLException {
        return advisory(guard, "SELECT pg_try_advisory_lock(hashtext(?))", projection);
    }

    private static void release(Connection guard, String projection) throws SQLException {
        advisory(guard, "SELECT pg_advisory_unlock(hashtext(?))", projection);
    }

    private static boolean advisory(Connection guard, String sql, String projection) throws SQLException {
        try (var statement = guard.prepareStatement(sql)) {
            statement.setString(1, "marquee-rebuild-" + projection);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
