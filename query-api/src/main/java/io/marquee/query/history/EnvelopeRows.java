package io.marquee.query.history;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Writes {@code history_event} rows as event envelopes (the same fields as on {@code marquee.events}),
 * copying the stored payload as it is instead of reading it into objects first.
 */
final class EnvelopeRows {

    /** The columns {@link #write} expects, in this order. */
    static final String COLUMNS = """
            position, event_id, organization_id, aggregate_type, aggregate_id, aggregate_sequence, type, version,
            occurred_at, actor, correlation_id, payload::text""";

    private EnvelopeRows() {
    }

    static void write(ResultSet row, JsonGenerator out) throws SQLException, IOException {
        out.writeStartObject();
        out.writeStringField("eventId", row.getString(2));
        out.writeStringField("type", row.getString(7));
        out.writeNumberField("version", row.getInt(8));
        out.writeStringField("organizationId", row.getString(3));
        out.writeStringField("aggregateType", row.getString(4));
        out.writeStringField("aggregateId", row.getString(5));
        out.writeNumberField("aggregateSequence", row.getLong(6));
        out.writeNumberField("position", row.getLong(1));
        Timestamp occurredAt = row.getTimestamp(9);
        out.writeStringField("occurredAt", occurredAt.toInstant().toString());
        out.writeStringField("actor", row.getString(10));
        out.writeStringField("correlationId", row.getString(11));
        out.writeFieldName("payload");
        out.writeRawValue(row.getString(12));
        out.writeEndObject();
    }
}
