package io.marquee.projections.manifest;

import io.marquee.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Publishes manifests (or tombstones) to the compacted manifest topic, keyed by display id, and records
 * where they landed ({@link PublishedManifestOffsets}). Sending and waiting for the acks are apart, so
 * that a large refresh sends each chunk as soon as it is stored and waits once, at the end.
 */
@Component
class ManifestPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final PublishedManifestOffsets offsets;

    ManifestPublisher(KafkaTemplate<String, byte[]> kafka, PublishedManifestOffsets offsets) {
        this.kafka = kafka;
        this.offsets = offsets;
    }

    /** Sends without waiting; the future completes when every record is acknowledged. */
    CompletableFuture<Void> send(Collection<ManifestStore.Publication> publications) {
        return CompletableFuture.allOf(publications.stream()
                .map(publication -> kafka.send(new ProducerRecord<>(Topics.DISPLAY_MANIFESTS.name(),
                        publication.displayId().toString(), publication.body()))
                        .thenAccept(sent -> offsets.acknowledged(sent.getRecordMetadata())))
                .toArray(CompletableFuture[]::new));
    }

    /** Waits for sends; a failed one fails the batch, which is then applied again. */
    static void awaitAcks(Collection<CompletableFuture<Void>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing manifests", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing manifests failed; the batch will be retried", e);
        }
    }
}
