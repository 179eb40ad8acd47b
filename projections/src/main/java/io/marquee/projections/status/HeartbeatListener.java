package io.marquee.projections.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topics;
import io.marquee.events.telemetry.HeartbeatReceived;
import io.marquee.projections.stream.DeadLetters;
import io.marquee.projections.stream.UnreadableRecordException;
import io.marquee.projections.stream.ProjectionsConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * Consumes {@code marquee.display-heartbeats} in batches, in a consumer group of its own so that
 * heartbeat volume never delays the domain projections. Unreadable records go to
 * {@code marquee.telemetry.dlt}; the rest update {@code display_status}.
 */
@Component
class HeartbeatListener {

    static final String LISTENER_ID = "display-status";

    private final ObjectMapper json = MarqueeJson.newMapper();
    private final DeadLetters deadLetters;
    private final DisplayStatusWriter writer;

    HeartbeatListener(DeadLetters deadLetters, DisplayStatusWriter writer) {
        this.deadLetters = deadLetters;
        this.writer = writer;
    }

    @KafkaListener(id = LISTENER_ID,
            topics = "#{T(io.marquee.events.Topics).DISPLAY_HEARTBEATS.name()}",
            groupId = "${marquee.projections.status.group-id}",
            concurrency = "${marquee.projections.status.concurrency}",
            containerFactory = ProjectionsConfiguration.LISTENER_FACTORY)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        writer.write(deadLetters.readOrPark(records, this::read, Topics.TELEMETRY_DEAD_LETTER));
    }

    private HeartbeatReceived read(byte[] value) {
        if (value == null) {
            throw new UnreadableRecordException("empty record");
        }
        HeartbeatReceived heartbeat;
        try {
            heartbeat = json.readValue(value, HeartbeatReceived.class);
        } catch (IOException e) {
            throw new UnreadableRecordException("not a HeartbeatReceived: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (heartbeat == null || heartbeat.displayId() == null || heartbeat.organizationId() == null
                || heartbeat.receivedAt() == null) {
            throw new UnreadableRecordException("heartbeat lacks displayId, organizationId or receivedAt");
        }
        return heartbeat;
    }
}
