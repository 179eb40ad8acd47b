package io.marquee.projections.manifest;

import io.marquee.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes manifests (or tombstones) to the compacted manifest topic, keyed by display id, and records
 * where they landed ({@link PublishedManifestOffsets}). It does not wait for the acks: a large refresh sends
 * each chunk as soon as it is stored and waits once, at the end ({@code KafkaSends.awaitAcks}).
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
}
