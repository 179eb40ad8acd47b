package io.marquee.projections.manifest;

import io.marquee.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Publishes manifests (or tombstones) to the compacted manifest topic, keyed by display id, and waits
 * for the acks.
 */
@Component
class ManifestPublisher {

    private final KafkaTemplate<String, byte[]> kafka;

    ManifestPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    void publish(Collection<ManifestStore.Publication> publications) {
        CompletableFuture<?>[] sends = publications.stream()
                .map(publication -> kafka.send(new ProducerRecord<>(Topics.DISPLAY_MANIFESTS.name(),
                        publication.displayId().toString(), publication.body())))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing manifests", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing manifests failed; the batch will be retried", e);
        }
    }
}
