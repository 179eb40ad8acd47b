package io.marquee.query.history;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The organization's watermark as committed in PostgreSQL ({@code projection_watermark}, written in the
 * same transaction as the history). The watermark on Kafka is sent before that transaction commits, so
 * a read of {@code history_event} must also see it here, or it could miss the events it waited for.
 */
@Component
class CommittedWatermark {

    /** The batch has been published but its transaction has not committed yet: that takes milliseconds. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final JdbcTemplate jdbc;
    private final Duration timeout;
    private final Duration retryAfter;

    CommittedWatermark(JdbcTemplate jdbc, @Value("${marquee.query.min-position-timeout}") Duration timeout,
                       @Value("${marquee.query.min-position-retry-after}") Duration retryAfter) {
        this.jdbc = jdbc;
        this.timeout = timeout;
        this.retryAfter = retryAfter;
    }

    /** Returns once the history holds the organization's events up to {@code position}; else 503. */
    void await(UUID organizationId, long position) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(organizationId, position)) {
            if (System.nanoTime() > deadline) {
                throw new HistoryNotReachedException(position, retryAfter);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private boolean reached(UUID organizationId, long position) {
        List<Long> committed = jdbc.queryForList(
                "SELECT position FROM projection_watermark WHERE organization_id = ?", Long.class, organizationId);
        return !committed.isEmpty() && committed.get(0) >= position;
    }
}
