package io.marquee.command.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.command.eventstore.CommandMetadata;
import io.marquee.command.eventstore.ContractRevisions;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.EventType;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes every stored event of one organization, in position order, as NDJSON: one
 * {@link EventEnvelope} per line, exactly as the relay publishes it but with the payload as stored
 * (its {@code version} says which). Rows come through a database cursor, a few hundred at a time, so
 * memory stays flat whatever the history's length.
 */
@Component
public class HistoryExport {

    static final int FETCH_SIZE = 500;
    private static final Logger log = LoggerFactory.getLogger(HistoryExport.class);
    private static final byte[] NEW_LINE = {'\n'};

    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json = MarqueeJson.newMapper();

    HistoryExport(DataSource dataSource, PlatformTransactionManager transactions) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Writes the organization's history to {@code out} (left open) and returns how many events it wrote. */
    public long writeTo(OrganizationId organization, OutputStream out) {
        AtomicLong written = new AtomicLong();
        // PostgreSQL streams with a cursor only inside a transaction
        readOnly.executeWithoutResult(status -> cursor.query("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, time_stamp,
                               payload_type, payload_revision, payload, meta_data
                        FROM domain_event_entry
                        WHERE convert_from(payload, 'UTF8')::jsonb ->> 'organizationId' = ?
                        ORDER BY global_index""",
                (RowCallbackHandler) rs -> write(rs, out, written), organization.toString()));
        return written.get();
    }

    private void write(ResultSet row, OutputStream out, AtomicLong written) throws SQLException {
        EventType type = EventCatalog.byClassName(row.getString("payload_type")).orElse(null);
        if (type == null) {
            log.warn("Event {} of type {} is not in the catalogue: left out of the export",
                    row.getString("event_identifier"), row.getString("payload_type"));
            return;
        }
        try {
            out.write(json.writeValueAsBytes(envelope(row, type)));
            out.write(NEW_LINE);
            written.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
    }

    private EventEnvelope envelope(ResultSet row, EventType type) throws SQLException, IOException {
        JsonNode payload = json.readTree(row.getBytes("payload"));
        byte[] metaBytes = row.getBytes("meta_data");
        JsonNode meta = metaBytes == null ? json.createObjectNode() : json.readTree(metaBytes);
        String eventId = row.getString("event_identifier");
        return new EventEnvelope(
                UUID.fromString(eventId),
                type.name(),
                ContractRevisions.versionOf(row.getString("payload_revision")),
                UUID.fromString(payload.path("organizationId").asText()),
                type.aggregateType(),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getLong("global_index"),
                Instant.parse(row.getString("time_stamp")),
                meta.hasNonNull(CommandMetadata.ACTOR) ? meta.get(CommandMetadata.ACTOR).asText() : "system",
                meta.hasNonNull(CommandMetadata.CORRELATION_ID) ? meta.get(CommandMetadata.CORRELATION_ID).asText() : eventId,
                payload);
    }
}
