package io.marquee.query.position;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topic;
import io.marquee.events.Topics;
import io.marquee.events.manifest.ProjectionWatermark;
import io.marquee.query.tail.ConsumedOffsets;
import io.marquee.query.tail.TopicSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far this instance's reads reflect each organization's events, and the reads waiting for a
 * position. A watermark from the projections becomes <em>visible</em> only once the tailer has also
 * consumed the manifests it vouches for (its {@code manifestOffsets}): the two travel on different topics
 * and partitions, and a watermark read first must not release a read that would then find the old
 * manifest. Waiters are completed by the tailer thread; {@code pending} is touched by that thread only.
 * A visible position never goes backwards.
 */
@Component
class WatermarkView implements TopicSink {

    private static final Logger log = LoggerFactory.getLogger(WatermarkView.class);

    private record Waiter(long position, CompletableFuture<Void> reached) {
    }

    private final Map<UUID, Long> visible = new ConcurrentHashMap<>();
    private final Map<UUID, List<Waiter>> waiters = new ConcurrentHashMap<>();
    private final ObjectMapper json = MarqueeJson.newMapper();
    private final Map<UUID, ProjectionWatermark> pending = new HashMap<>();

    @Override
    public Topic topic() {
        return Topics.PROJECTION_WATERMARKS;
    }

    @Override
    public int size() {
        return visible.size();
    }

    /** The highest position of the organization whose effects this instance's reads show. */
    long of(UUID organizationId) {
        return visible.getOrDefault(organizationId, 0L);
    }

    @Override
    public void accept(String key, byte[] value) {
        if (value == null) {
            return;
        }
        try {
            ProjectionWatermark watermark = json.readValue(value, ProjectionWatermark.class);
            // a later watermark of an organization vouches for at least as much as an earlier one
            pending.merge(watermark.organizationId().value(), watermark,
                    (earlier, later) -> later.position() >= earlier.position() ? later : earlier);
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring an unreadable watermark for organization {}", key, e);
        }
    }

    /** Makes visible the watermarks whose manifests have been consumed, and releases the reads they satisfy. */
    @Override
    public void afterPoll(ConsumedOffsets consumed) {
        for (Iterator<ProjectionWatermark> it = pending.values().iterator(); it.hasNext(); ) {
            ProjectionWatermark watermark = it.next();
            if (manifestsConsumed(watermark, consumed)) {
                UUID organization = watermark.organizationId().value();
                releaseUpTo(organization, visible.merge(organization, watermark.position(), Math::max));
                it.remove();
            }
        }
    }

    private static boolean manifestsConsumed(ProjectionWatermark watermark, ConsumedOffsets consumed) {
        return watermark.manifestOffsets().entrySet().stream().allMatch(
                needed -> consumed.next(Topics.DISPLAY_MANIFESTS, needed.getKey()) >= needed.getValue());
    }

    /** A future completed once the organization's visible position reaches {@code position}; never times out itself. */
    CompletableFuture<Void> await(UUID organization, long position) {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        // registered under the organization's lock, which the release also takes: no update slips between
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
