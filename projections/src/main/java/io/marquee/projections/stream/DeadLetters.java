package io.marquee.projections.stream;

import io.marquee.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Parks a poison record on a dead-letter topic, unchanged, with where it came from and why, so that
 * the partition keeps flowing and nothing is silently dropped. Domain events go to
 * {@code marquee.events.dlt}; the telemetry listeners pass their own topic.
 */
@Component
public class DeadLetters {

    /** Header naming why the record could not be read. */
    public static final String REASON = "marquee.dlt.reason";
    /** Header naming where the record came from, {@code topic-partition@offset}. */
    public static final String ORIGIN = "marquee.dlt.origin";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, byte[]> kafka;

    DeadLetters(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /**
     * Reads every record of a batch; an unreadable one (the reader throws an
     * {@link IllegalArgumentException}, e.g. {@link UnreadableRecordException}) is parked on
     * {@code deadLetterTopic} and left out, the rest are returned in order.
     */
    public <T> List<T> readOrPark(List<ConsumerRecord<String, byte[]>> records, Function<byte[], T> reader,
                                  Topic deadLetterTopic) {
        List<T> read = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                read.add(reader.apply(record.value()));
            } catch (IllegalArgumentException unreadable) {
                park(record, unreadable.getMessage(), deadLetterTopic);
            }
        }
        return read;
    }

    /** Sends the record unchanged to {@code deadLetterTopic} and waits until the broker has it. */
    public void park(ConsumerRecord<String, byte[]> poison, String reason, Topic deadLetterTopic) {
        String origin = poison.topic() + "-" + poison.partition() + "@" + poison.offset();
        log.warn("Dead-lettering {}: {}", origin, reason);
        var headers = new RecordHeaders();
        headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
        var record = new ProducerRecord<>(deadLetterTopic.name(), null, poison.key(), poison.value(), headers);
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
