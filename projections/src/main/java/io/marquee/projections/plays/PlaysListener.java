package io.marquee.projections.plays;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topics;
import io.marquee.events.telemetry.Play;
import io.marquee.events.telemetry.PlaysReported;
import io.marquee.projections.stream.DeadLetters;
import io.marquee.projections.stream.UnreadableRecordException;
import io.marquee.projections.stream.ProjectionsConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * Consumes {@code marquee.proof-of-play} in batches, in a consumer group of its own. Unreadable
 * records go to {@code marquee.telemetry.dlt}; the rest are recorded once each by {@link PlayLedger}.
 */
@Component
class PlaysListener {

    static final String LISTENER_ID = "proof-of-play";

    private final ObjectMapper json = MarqueeJson.newMapper();
    private final DeadLetters deadLetters;
    private final PlayLedger ledger;

    PlaysListener(DeadLetters deadLetters, PlayLedger ledger) {
        this.deadLetters = deadLetters;
        this.ledger = ledger;
    }

    @KafkaListener(id = LISTENER_ID,
            topics = "#{T(io.marquee.events.Topics).PROOF_OF_PLAY.name()}",
            groupId = "${marquee.projections.plays.group-id}",
            concurrency = "${marquee.projections.plays.concurrency}",
            containerFactory = ProjectionsConfiguration.LISTENER_FACTORY)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        ledger.record(deadLetters.readOrPark(records, this::read, Topics.TELEMETRY_DEAD_LETTER));
    }

    private PlaysReported read(byte[] value) {
        if (value == null) {
            throw new UnreadableRecordException("empty record");
        }
        PlaysReported report;
        try {
            report = json.readValue(value, PlaysReported.class);
        } catch (IOException e) {
            throw new UnreadableRecordException("not a PlaysReported: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (report == null || report.reportId() == null || report.displayId() == null
                || report.organizationId() == null || report.receivedAt() == null) {
            throw new UnreadableRecordException("report lacks reportId, displayId, organizationId or receivedAt");
        }
        for (Play play : report.plays()) {
            if (play == null || play.startedAt() == null || play.durationMs() < 0) {
                throw new UnreadableRecordException("a play lacks startedAt or has a negative durationMs");
            }
        }
        return report;
    }
}
