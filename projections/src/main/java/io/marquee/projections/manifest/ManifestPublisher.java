package io.marquee.projections.manifest;

import io.marquee.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Publishes manifests (or tombstones) to the compacted manifest topic, keyed by display id, waits for
 * the acks and records where they landed ({@link PublishedManifestOffsets}).
 */
@Component
class ManifestPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final PublishedManifestOffsets offsets;

    ManifestPublisher(KafkaTemplate<String, byte[]> kafka, PublishedManifestOffsets offsets) {
        this.kafka = kafka;
        this.offsets = offsets;
    }

    void publish(Collection<ManifestStore.Publication> publications) {
        CompletableFuture<?>[] sends = publications.stream()
                .map(publication -> kafka.send(new ProducerRecord<>(Topics.DISPLAY_MANIFESTS.name(),
                        publication.displayId().toString(), publication.body()))
                        .thenAccept(sent -> offsets.acknowledged(sent.getRecordMetadata())))
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
