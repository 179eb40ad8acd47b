package io.marquee.query.history;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code history_event}: a page as one JSON document, or every match as NDJSON straight from a
 * database cursor, so that streaming a million events keeps only one fetch's rows in memory.
 */
@Component
class HistoryReads {

    /** Rows per round trip of the cursor: the most a stream holds in memory at once. */
    static final int FETCH_SIZE = 1000;

    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final JsonFactory factory = new JsonFactory();

    HistoryReads(DataSource dataSource, PlatformTransactionManager transactions) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** {@code {items: [envelope...], next}}: next is the position to pass as {@code after}, null at the end. */
    byte[] page(HistoryFilter filter) {
        List<Object> arguments = new ArrayList<>();
        String sql = "SELECT " + EnvelopeRows.COLUMNS + " FROM history_event WHERE " + filter.where(arguments)
                + " ORDER BY position LIMIT " + (filter.limit() + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeArrayFieldStart("items");
            long[] last = {-1};
            int[] rows = {0};
            cursor.query(sql, (RowCallbackHandler) row -> {
                if (++rows[0] <= filter.limit()) {
                    write(row, out);
                    last[0] = row.getLong(1);
                }
            }, arguments.toArray());
            out.writeEndArray();
            if (rows[0] > filter.limit()) {
                out.writeNumberField("next", last[0]);
            } else {
                out.writeNullField("next");
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes every match, one envelope per line, ignoring the limit; returns how many. */
    long stream(HistoryFilter filter, OutputStream target) {
        List<Object> arguments = new ArrayList<>();
        String sql = "SELECT " + EnvelopeRows.COLUMNS + " FROM history_event WHERE " + filter.where(arguments)
                + " ORDER BY position";
        // a cursor needs a transaction: without one the driver reads the whole result into memory
        Long written = readOnly.execute(status -> {
            try (JsonGenerator out = factory.createGenerator(target, JsonEncoding.UTF8)) {
                out.setRootValueSeparator(null);
                long[] count = {0};
                cursor.query(sql, (RowCallbackHandler) row -> {
                    write(row, out);
                    newLine(out);
                    count[0]++;
                }, arguments.toArray());
                return count[0];
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return written == null ? 0 : written;
    }

    private static void newLine(JsonGenerator out) {
        try {
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ResultSet row, JsonGenerator out) throws SQLException {
        try {
            EnvelopeRows.write(row, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
