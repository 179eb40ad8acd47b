package io.marquee.projections.stream;

import io.marquee.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

/**
 * Parks a poison record on the dead-letter topic, unchanged, with where it came from and why, so that
 * the partition keeps flowing and nothing is silently dropped.
 */
@Component
class DeadLetters {

    static final String REASON = "marquee.dlt.reason";
    static final String ORIGIN = "marquee.dlt.origin";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, byte[]> kafka;

    DeadLetters(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    void park(ConsumerRecord<String, byte[]> poison, String reason) {
        String origin = poison.topic() + "-" + poison.partition() + "@" + poison.offset();
        log.warn("Dead-lettering {}: {}", origin, reason);
        var headers = new RecordHeaders();
        headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
        var record = new ProducerRecord<>(Topics.EVENTS_DEAD_LETTER.name(), null, poison.key(), poison.value(), headers);
        try {
            kafka.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + origin, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not dead-letter " + origin, e);
        }
    }
}
