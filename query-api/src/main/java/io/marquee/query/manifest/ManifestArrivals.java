package io.marquee.query.manifest;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Manifest reads waiting for a position ({@code Marquee-Min-Position}) that their own display's manifest
 * can satisfy: each is released the moment a manifest of the display at that position or later arrives
 * (on the tailer's thread), without waiting for the organization's watermark, which the projections send
 * only after the batch's commit and which then travels on a topic of its own. The same rule as a read
 * that finds such a manifest already there (its {@code position} is at least the one asked for).
 * A waiter whose future is completed or cancelled elsewhere (the watermark came first, the wait timed
 * out) is forgotten.
 */
@Component
public class ManifestArrivals implements ManifestListener {

    private record Waiter(long position, CompletableFuture<Void> arrived) {
    }

    private final ManifestView view;
    private final Map<UUID, List<Waiter>> waiters = new ConcurrentHashMap<>();

    ManifestArrivals(ManifestView view) {
        this.view = view;
        view.listen(this);
    }

    /** Completes once the display's manifest is at {@code position} or later (at once if it already is); never times out itself. */
    public CompletableFuture<Void> await(UUID displayId, long position) {
        CompletableFuture<Void> arrived = new CompletableFuture<>();
        // registered under the display's lock, which the release also takes; the view is updated before
        // its listeners hear of a manifest, so a manifest arriving meanwhile is seen here or releases us
        waiters.compute(displayId, (display, list) -> {
            if (view.find(display).filter(found -> found.position() >= position).isPresent()) {
                arrived.complete(null);
                return list;
            }
            List<Waiter> updated = list == null ? new ArrayList<>() : list;
            updated.add(new Waiter(position, arrived));
            return updated;
        });
        arrived.whenComplete((done, failure) -> {
            if (failure != null) {
                forget(displayId, arrived);
            }
        });
        return arrived;
    }

    /** How many reads wait (for tests). */
    int waiting() {
        return waiters.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void changed(ServedManifest manifest) {
        List<Waiter> released = new ArrayList<>();
        waiters.computeIfPresent(manifest.displayId(), (display, list) -> {
            for (Iterator<Waiter> it = list.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.position() <= manifest.position() || waiter.arrived().isDone()) {
                    released.add(waiter);
                    it.remove();
                }
            }
            return list.isEmpty() ? null : list;
        });
        // completed outside the lock: what runs on completion must not hold up the map
        released.forEach(waiter -> waiter.arrived().complete(null));
    }

    @Override
    public void removed(UUID displayId) {
        // a tombstone satisfies no position: its reads wait for the watermark (then answer 404) or time out
    }

    private void forget(UUID displayId, CompletableFuture<Void> arrived) {
        waiters.computeIfPresent(displayId, (display, list) -> {
            list.removeIf(waiter -> waiter.arrived() == arrived);
            return list.isEmpty() ? null : list;
        });
    }
}
