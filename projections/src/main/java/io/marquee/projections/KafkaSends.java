package io.marquee.projections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Sends records as JSON and waits for every ack, so that a batch's transaction commits only once Kafka
 * has them (the same rule as the manifests).
 */
public final class KafkaSends {

    private static final ObjectMapper JSON = MarqueeJson.newMapper();

    private final KafkaTemplate<String, byte[]> kafka;

    public KafkaSends(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public <T> void sendAll(Topic topic, Collection<T> values, Function<T, String> key) {
        CompletableFuture<?>[] sends = values.stream()
                .map(value -> kafka.send(new ProducerRecord<>(topic.name(), key.apply(value), json(value))))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + topic.name() + " failed; the batch will be retried", e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
