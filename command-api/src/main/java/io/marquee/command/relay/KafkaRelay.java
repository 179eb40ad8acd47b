package io.marquee.command.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.command.eventstore.CommandMetadata;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.EventType;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topics;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.UUID;

/**
 * The relay from the event store (the source of truth) to {@code marquee.events}. It runs in the
 * tracking processor {@value #PROCESSING_GROUP}, whose token only advances once Kafka has
 * acknowledged the batch: a crash or an outage means re-sending, never losing. Records are keyed by
 * organization, so each tenant's events stay in store order on one partition; consumers de-duplicate
 * by event id or position.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json = MarqueeJson.newMapper();

    KafkaRelay(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    @EventHandler
    void on(MarqueeEvent event, DomainEventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        EventEnvelope envelope = envelope(event, message, token);
        String key = envelope.organizationId().toString();
        var record = new ProducerRecord<>(Topics.EVENTS.name(), key, json.writeValueAsBytes(envelope));
        PendingSends.of(CurrentUnitOfWork.get()).add(kafka.send(record));
    }

    private EventEnvelope envelope(MarqueeEvent event, DomainEventMessage<?> message, TrackingToken token) {
        EventType type = EventCatalog.of(event.getClass());
        return new EventEnvelope(
                UUID.fromString(message.getIdentifier()),
                type.name(),
                type.version(),
                event.organizationId().value(),
                type.aggregateType(),
                message.getAggregateIdentifier(),
                message.getSequenceNumber(),
                token.position().orElseThrow(),
                message.getTimestamp(),
                Objects.toString(message.getMetaData().get(CommandMetadata.ACTOR), "system"),
                Objects.toString(message.getMetaData().get(CommandMetadata.CORRELATION_ID), message.getIdentifier()),
                json.valueToTree(event));
    }
}
