package io.marquee.query.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topic;
import io.marquee.events.ids.DisplayId;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a report keyed by display id and completes when Kafka has acknowledged it (acks=all,
 * idempotent producer), without holding the request thread. A 2xx therefore means the report is durable:
 * a report answered and then lost with the instance would be a hole in proof of play. The wait is a few
 * milliseconds normally and bounded by {@code marquee.query.telemetry.ack-timeout}; beyond it (Kafka
 * away) the player gets 503 with {@code Retry-After} and keeps the report to send again.
 */
@Component
class TelemetryPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration ackTimeout;
    private final ObjectMapper json = MarqueeJson.newMapper();

    TelemetryPublisher(KafkaTemplate<String, byte[]> kafka,
                       @Value("${marquee.query.telemetry.ack-timeout}") Duration ackTimeout) {
        this.kafka = kafka;
        this.ackTimeout = ackTimeout;
    }

    CompletableFuture<Void> publish(Topic topic, DisplayId displayId, Object report) {
        byte[] value;
        try {
            value = json.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + report.getClass().getSimpleName(), e);
        }
        CompletableFuture<Void> acked = new CompletableFuture<>();
        kafka.send(new ProducerRecord<>(topic.name(), displayId.toString(), value))
                .orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, failure) -> {
                    if (failure == null) {
                        acked.complete(null);
                    } else {
                        acked.completeExceptionally(new TelemetryNotStoredException(topic.name()));
                    }
                });
        return acked;
    }
}
