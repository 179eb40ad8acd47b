package io.marquee.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventType;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.DisplayId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A display's manifest at a past instant, replayed from its organization's history: the content and
 * playlist events and the display's own, up to the instant, read through a cursor into a
 * {@link ManifestReplay}.
 */
@Component
class HistoricManifests {

    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json = MarqueeJson.newMapper();

    HistoricManifests(DataSource dataSource, PlatformTransactionManager transactions) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(HistoryReads.FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Empty when the display is another organization's, unknown, not yet registered or decommissioned at {@code at}. */
    Optional<ManifestReplay.Replayed> at(UUID organizationId, DisplayId displayId, Instant at) {
        ManifestReplay replay = new ManifestReplay(displayId);
        readOnly.executeWithoutResult(status -> cursor.query("""
                SELECT position, type, payload::text, batch_end, projected_at FROM history_event
                WHERE organization_id = ? AND occurred_at <= ?
                  AND (aggregate_type IN ('Content', 'Playlist') OR aggregate_id = ?)
                ORDER BY position""",
                (RowCallbackHandler) row -> {
                    Optional<EventType> type = EventCatalog.byName(row.getString(2));
                    if (type.isPresent()) {
                        replay.apply(new RecordedEvent(row.getLong(1), read(type.get(), row.getString(3)),
                                row.getLong(4), row.getTimestamp(5).toInstant()));
                    }
                },
                organizationId, Timestamp.from(at), displayId.toString()));
        return replay.finish();
    }

    private MarqueeEvent read(EventType type, String payload) {
        try {
            return json.readValue(payload, type.javaType());
        } catch (IOException e) {
            throw new UncheckedIOException("the history holds a payload its type cannot read", e);
        }
    }
}
