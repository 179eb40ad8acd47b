package io.marquee.projections.stream;

import io.marquee.events.EventEnvelope;
import io.marquee.events.ids.DisplayId;
import io.marquee.projections.BatchFollower;
import io.marquee.projections.Projector;
import io.marquee.projections.manifest.ManifestRefresher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies a batch of events to every read model, refreshes the manifests they touched and lets every
 * {@link BatchFollower} publish (access states, then watermarks), all in one transaction: a batch is
 * applied whole or not at all, and each affected manifest is rebuilt once. Each projector takes the
 * whole batch at once ({@link Projector#applyAll}) and keeps its own rows' order. The audiences the
 * playlist and content projectors ask for may see the display rows before or after this batch's writes;
 * either way every display whose manifest may change is reported, since a display that starts or stops
 * showing something in the batch is reported by the display projector itself.
 */
@Component
class BatchApplier {

    /** At DEBUG, where each batch's time goes (for finding what holds up a change on its way to the screens). */
    private static final Logger log = LoggerFactory.getLogger(BatchApplier.class);

    private final List<Projector> projectors;
    private final ManifestRefresher manifests;
    private final List<BatchFollower> followers;
    private final TransactionTemplate transaction;

    BatchApplier(List<Projector> projectors, ManifestRefresher manifests, List<BatchFollower> followers,
                 TransactionTemplate transaction) {
        this.projectors = projectors;
        this.manifests = manifests;
        this.followers = followers;
        this.transaction = transaction;
    }

    void apply(List<ReadEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        Phases phases = transaction.execute(status -> {
            Set<DisplayId> affected = new HashSet<>();
            for (Projector projector : projectors) {
                affected.addAll(projector.applyAll(events));
            }
            long readModels = System.nanoTime();
            int refreshed = manifests.refresh(affected);
            long manifestsDone = System.nanoTime();
            List<EventEnvelope> envelopes = events.stream().map(ReadEvent::envelope).toList();
            followers.forEach(follower -> follower.follow(envelopes));
            return new Phases(readModels, refreshed, manifestsDone, System.nanoTime());
        });
        if (log.isDebugEnabled()) {
            long end = System.nanoTime();
            log.debug("{} events: read models {} ms, {} manifests {} ms, followers {} ms, commit {} ms", events.size(),
                    millis(start, phases.readModels()), phases.refreshed(), millis(phases.readModels(), phases.manifests()),
                    millis(phases.manifests(), phases.followers()), millis(phases.followers(), end));
        }
    }

    /** When each part of a batch's transaction ended (System.nanoTime), and how many manifests changed. */
    private record Phases(long readModels, int refreshed, long manifests, long followers) {
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
