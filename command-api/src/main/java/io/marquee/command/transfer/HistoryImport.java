package io.marquee.command.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * Appends an exported history (NDJSON of envelopes, gzip or not) to this installation's event store,
 * in one transaction, through Axon's event store: event ids, aggregate ids, sequences, timestamps,
 * actor and correlation id are kept, older event versions are upcast to the current ones, and the
 * command side's directories (subscribing handlers) are filled as for any new event. Into an empty
 * event store, every event also keeps its exported position. The relay then publishes the events and
 * the projections rebuild their read models from them.
 *
 * <p>An aggregate that already has events here refuses the whole import: a history is imported into
 * an installation that does not have it yet, never merged.
 */
@Component
public class HistoryImport {

    static final int BATCH_SIZE = 500;

    private final EventStore eventStore;
    private final ImportedDeviceTokens deviceTokens;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json = MarqueeJson.newMapper();

    HistoryImport(EventStore eventStore, ImportedDeviceTokens deviceTokens, JdbcTemplate jdbc,
                  PlatformTransactionManager transactions) {
        this.eventStore = eventStore;
        this.deviceTokens = deviceTokens;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Imports the history read from {@code in} (not closed).
     *
     * @throws ImportRefusedException if an aggregate of the history already exists here
     * @throws IllegalArgumentException if a line is not an event envelope of a known type and version
     */
    public ImportReport importFrom(InputStream in) {
        return transaction.execute(status -> {
            boolean emptyStore = jdbc.queryForObject("SELECT NOT EXISTS (SELECT 1 FROM domain_event_entry)", Boolean.class);
            Batch batch = new Batch(emptyStore);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(unzipped(in), StandardCharsets.UTF_8))) {
                int lineNumber = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    lineNumber++;
                    if (!line.isBlank()) {
                        batch.add(read(line, lineNumber));
                    }
                    if (batch.isFull()) {
                        batch.flush();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the history", e);
            }
            batch.flush();
            return new ImportReport(batch.stored, batch.organizations, emptyStore);
        });
    }

    private EventEnvelope read(String line, int lineNumber) {
        try {
            EventEnvelope envelope = json.readValue(line, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.type() == null || envelope.aggregateId() == null
                    || envelope.payload() == null || envelope.occurredAt() == null) {
                throw new IllegalArgumentException("line " + lineNumber + " lacks eventId, type, aggregateId, occurredAt or payload");
            }
            return envelope;
        } catch (IOException e) {
            throw new IllegalArgumentException("line " + lineNumber + " is not an event envelope", e);
        }
    }

    /** Gzip is recognised by its magic number, so a file need not say whether it is compressed. */
    private static InputStream unzipped(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzip = first == (GZIPInputStream.GZIP_MAGIC & 0xff) && second == (GZIPInputStream.GZIP_MAGIC >> 8);
        return gzip ? new GZIPInputStream(buffered) : buffered;
    }

    /** Events waiting to be appended, with their exported positions. */
    private final class Batch {

        private final boolean keepPositions;
        private final List<DomainEventMessage<?>> messages = new ArrayList<>();
        private final List<Long> positions = new ArrayList<>();
        private final Set<String> checkedAggregates = new HashSet<>();
        private final Set<UUID> organizations = new HashSet<>();
        private long stored;

        Batch(boolean keepPositions) {
            this.keepPositions = keepPositions;
        }

        void add(EventEnvelope envelope) {
            if (checkedAggregates.add(envelope.aggregateId())) {
                refuseIfPresent(envelope);
            }
            messages.add(ImportedEvents.toMessage(envelope, json));
            positions.add(envelope.position());
            organizations.add(envelope.organizationId());
        }

        boolean isFull() {
            return messages.size() >= BATCH_SIZE;
        }

        void flush() {
            if (messages.isEmpty()) {
                return;
            }
            eventStore.publish(messages);
            deviceTokens.follow(messages);
            if (keepPositions) {
                ImportedEvents.restorePositions(jdbc, messages, positions);
            }
            stored += messages.size();
            messages.clear();
            positions.clear();
        }

        private void refuseIfPresent(EventEnvelope envelope) {
            Boolean present = jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ?)",
                    Boolean.class, envelope.aggregateId());
            if (Boolean.TRUE.equals(present)) {
                throw new ImportRefusedException("This installation already has " + envelope.aggregateType() + " "
                        + envelope.aggregateId() + " of organization " + envelope.organizationId()
                        + ": a history is imported only into an installation that does not have it yet."
                        + " Nothing was imported.");
            }
        }
    }
}
