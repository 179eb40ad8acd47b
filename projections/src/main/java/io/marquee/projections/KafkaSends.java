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
        awaitAcks(values.stream().map(value -> kafka.send(new ProducerRecord<>(topic.name(), key.apply(value), json(value))))
                .toList(), "to " + topic.name());
    }

    /**
     * Waits for every send's ack; a failed one fails the batch (its transaction rolls back), which is then
     * applied again. {@code what} names what was published, for the error.
     */
    public static void awaitAcks(Collection<? extends CompletableFuture<?>> sends, String what) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing " + what + " failed; the batch will be retried", e);
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
