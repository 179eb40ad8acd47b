package io.marquee.projections.watermark;

import io.marquee.events.EventEnvelope;
import io.marquee.events.Topics;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.manifest.ProjectionWatermark;
import io.marquee.projections.BatchFollower;
import io.marquee.projections.KafkaSends;
import io.marquee.projections.manifest.PublishedManifestOffsets;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * After every batch, records how far each organization it touched has been applied, in
 * {@code projection_watermark} (for reads served from PostgreSQL) and on the compacted
 * {@code marquee.projection-watermarks} topic (for reads served from memory). Runs last, after the
 * manifests and access states of the batch were acknowledged, and sends only after the batch's
 * transaction has committed, so a watermark never runs ahead of them on Kafka or in PostgreSQL. It
 * carries the manifest topic offsets a reader must have consumed to hold those manifests. A watermark
 * never goes backwards.
 */
@Component
@Order(Integer.MAX_VALUE)
class WatermarkPublisher implements BatchFollower {

    private final JdbcTemplate jdbc;
    private final KafkaSends kafka;
    private final PublishedManifestOffsets manifestOffsets;

    WatermarkPublisher(JdbcTemplate jdbc, KafkaTemplate<String, byte[]> kafka, PublishedManifestOffsets manifestOffsets) {
        this.jdbc = jdbc;
        this.kafka = new KafkaSends(kafka);
        this.manifestOffsets = manifestOffsets;
    }

    @Override
    public void follow(List<EventEnvelope> batch) {
        Map<UUID, Long> highest = new TreeMap<>();
        for (EventEnvelope envelope : batch) {
            highest.merge(envelope.organizationId(), envelope.position(), Math::max);
        }
        Map<Integer, Long> manifestsPublished = manifestOffsets.snapshot();
        List<ProjectionWatermark> watermarks = new ArrayList<>(highest.size());
        highest.forEach((organization, position) -> watermarks.add(new ProjectionWatermark(
                new OrganizationId(organization), jdbc.queryForObject("""
                        INSERT INTO projection_watermark (organization_id, position) VALUES (?, ?)
                        ON CONFLICT (organization_id) DO UPDATE
                        SET position = GREATEST(projection_watermark.position, EXCLUDED.position)
                        RETURNING position""", Long.class, organization, position), manifestsPublished)));
        afterCommit(() -> kafka.sendAll(Topics.PROJECTION_WATERMARKS, watermarks,
                watermark -> watermark.organizationId().toString()));
    }

    /**
     * A watermark tells readers of PostgreSQL too that the batch's rows are there, so it goes out only once
     * they are committed; if the process dies in between, the next batch's watermark covers this one.
     */
    private static void afterCommit(Runnable send) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                send.run();
            }
        });
    }
}
