package io.marquee.projections.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeJson;
import io.marquee.projections.BatchFollower;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records every envelope of a batch in {@code history_event}, inside the batch's transaction and before
 * the watermark, so that a read of the history waiting for {@code Marquee-Min-Position} sees the events.
 * Idempotent by position: a batch applied again records nothing new.
 */
@Component
@Order(0)
class HistoryRecorder implements BatchFollower {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = MarqueeJson.newMapper();
    private final Clock clock = Clock.systemUTC();

    HistoryRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void follow(List<EventEnvelope> batch) {
        Map<UUID, Long> batchEnds = new HashMap<>();
        batch.forEach(envelope -> batchEnds.merge(envelope.organizationId(), envelope.position(), Math::max));
        Timestamp projectedAt = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        jdbc.batchUpdate("""
                INSERT INTO history_event (position, event_id, organization_id, aggregate_type, aggregate_id,
                    aggregate_sequence, type, version, occurred_at, actor, correlation_id, payload, batch_end,
                    projected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (position) DO NOTHING""",
                batch, batch.size(), (statement, envelope) -> {
                    statement.setLong(1, envelope.position());
                    statement.setObject(2, envelope.eventId());
                    statement.setObject(3, envelope.organizationId());
                    statement.setString(4, envelope.aggregateType());
                    statement.setString(5, envelope.aggregateId());
                    statement.setLong(6, envelope.aggregateSequence());
                    statement.setString(7, envelope.type());
                    statement.setInt(8, envelope.version());
                    statement.setTimestamp(9, timestamp(envelope.occurredAt()));
                    statement.setString(10, envelope.actor());
                    statement.setString(11, envelope.correlationId());
                    statement.setString(12, write(envelope));
                    statement.setLong(13, batchEnds.get(envelope.organizationId()));
                    statement.setTimestamp(14, projectedAt);
                });
    }

    private String write(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event payload as JSON", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
