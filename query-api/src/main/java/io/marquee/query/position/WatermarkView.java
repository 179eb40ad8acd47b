package io.marquee.query.position;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topic;
import io.marquee.events.Topics;
import io.marquee.events.manifest.ProjectionWatermark;
import io.marquee.query.tail.TopicSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far the projections have applied each organization's events, from the watermark topic, and the
 * reads waiting for a position: each waiter is completed by the tailer thread when its organization's
 * watermark reaches it. A watermark never goes backwards. {@code advanced} is touched by the tailer
 * thread only.
 */
@Component
class WatermarkView implements TopicSink {

    private static final Logger log = LoggerFactory.getLogger(WatermarkView.class);

    private record Waiter(long position, CompletableFuture<Void> reached) {
    }

    private final Map<UUID, Long> watermarks = new ConcurrentHashMap<>();
    private final Map<UUID, List<Waiter>> waiters = new ConcurrentHashMap<>();
    private final ObjectMapper json = MarqueeJson.newMapper();
    private final Set<UUID> advanced = new HashSet<>();

    @Override
    public Topic topic() {
        return Topics.PROJECTION_WATERMARKS;
    }

    @Override
    public int size() {
        return watermarks.size();
    }

    long of(UUID organizationId) {
        return watermarks.getOrDefault(organizationId, 0L);
    }

    @Override
    public void accept(String key, byte[] value) {
        if (value == null) {
            return;
        }
        try {
            ProjectionWatermark watermark = json.readValue(value, ProjectionWatermark.class);
            UUID organization = watermark.organizationId().value();
            watermarks.merge(organization, watermark.position(), Math::max);
            advanced.add(organization);
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring an unreadable watermark for organization {}", key, e);
        }
    }

    /**
     * Releases the reads waiting for the watermarks this poll advanced, once the poll's manifests are in
     * too: a manifest is acknowledged on Kafka before its batch's watermark is even sent.
     */
    @Override
    public void afterPoll() {
        advanced.forEach(organization -> releaseUpTo(organization, of(organization)));
        advanced.clear();
    }

    /** A future completed once the organization's watermark reaches {@code position}; never times out itself. */
    CompletableFuture<Void> await(UUID organization, long position) {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        // registered under the organization's lock, which accept's release also takes: no update slips between
        waiters.compute(organization, (org, list) -> {
            if (of(org) >= position) {
                reached.complete(null);
                return list;
            }
            List<Waiter> updated = list == null ? new ArrayList<>() : list;
            updated.add(new Waiter(position, reached));
            return updated;
        });
        return reached;
    }

    /** Forgets a waiter that gave up, so a position that never comes leaks nothing. */
    void forget(UUID organization, CompletableFuture<Void> reached) {
        waiters.computeIfPresent(organization, (org, list) -> {
            list.removeIf(waiter -> waiter.reached() == reached);
            return list.isEmpty() ? null : list;
        });
    }

    private void releaseUpTo(UUID organization, long position) {
        List<Waiter> released = new ArrayList<>();
        waiters.computeIfPresent(organization, (org, list) -> {
            for (Iterator<Waiter> it = list.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.position() <= position) {
                    released.add(waiter);
                    it.remove();
                }
            }
            return list.isEmpty() ? null : list;
        });
        // completed outside the lock: what runs on completion must not hold up the map
        released.forEach(waiter -> waiter.reached().complete(null));
    }
}
