package io.marquee.projections.manifest;

import io.marquee.events.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes manifests (or tombstones) to the compacted manifest topic, keyed by display id, and records
 * where they landed ({@link PublishedManifestOffsets}). It does not wait for the acks: a large refresh sends
 * each chunk as soon as it is stored and waits once, at the end ({@code KafkaSends.awaitAcks}).
 *
 * <p>Manifests go through a producer of their own that compresses its batches (lz4). A change that reaches
 * thousands of displays sends thousands of manifests of a few KiB that differ in a few fields, so the broker,
 * every query-api and the network carry a fraction of their bytes: on a fan-out to 2,000 streams, the
 * median delay fell by about a third. The events, a few hundred bytes each, stay uncompressed: compressing
 * every producer cost the command path 3–19% more CPU per event (projections/README.md, "A fan-out's CPU").
 */
@Component
class ManifestPublisher implements DisposableBean {

    /**
     * Compressed, and in batches as big as a chunk's share of a partition: a fan-out's thousands of manifests
     * cross the broker in a few batches per chunk instead of one per 16 KiB, each of which the broker
     * validates, appends and indexes on its own. Waiting for a batch to fill costs nothing on the way to the
     * screens: {@link #flush} sends whatever is left once the refresh has sent its last chunk, and a chunk
     * takes far longer to assemble than the linger. The batch stays under the broker's 1 MiB
     * {@code message.max.bytes}.
     */
    private static final Map<String, Object> BATCHED = Map.of(
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
            ProducerConfig.LINGER_MS_CONFIG, 20);

    private final KafkaTemplate<String, byte[]> kafka;
    private final PublishedManifestOffsets offsets;

    ManifestPublisher(KafkaTemplate<String, byte[]> shared, PublishedManifestOffsets offsets) {
        this.kafka = new KafkaTemplate<>(shared.getProducerFactory(), BATCHED);
        this.offsets = offsets;
    }

    /** Closes this publisher's own producer (the template created it, so the context does not know it). */
    @Override
    public void destroy() {
        kafka.destroy();
    }

    /** Sends every record sent so far now, without waiting for its batch to fill; blocks until they are acknowledged. */
    void flush() {
        kafka.flush();
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
