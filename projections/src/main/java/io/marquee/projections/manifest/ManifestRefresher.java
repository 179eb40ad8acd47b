package io.marquee.projections.manifest;

import io.marquee.events.ids.DisplayId;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Recomputes the manifests of the displays a batch touched, stores the changed ones and publishes them.
 * Runs inside the batch's transaction: if publishing fails, the read models roll back with it and the
 * batch is applied again.
 */
@Component
public class ManifestRefresher {

    private final ManifestAssembler assembler;
    private final ManifestStore store;
    private final ManifestPublisher publisher;

    ManifestRefresher(ManifestAssembler assembler, ManifestStore store, ManifestPublisher publisher) {
        this.assembler = assembler;
        this.store = store;
        this.publisher = publisher;
    }

    /** @return how many displays got a new manifest version or a tombstone */
    public int refresh(Collection<DisplayId> displays) {
        List<ManifestStore.Publication> changed = new ArrayList<>();
        // a fixed order, so that two concurrent batches lock manifests in the same order
        for (DisplayId display : displays.stream().sorted(Comparator.comparing(DisplayId::toString)).toList()) {
            assembler.display(display)
                    .flatMap(row -> row.decommissioned()
                            ? store.retire(display)
                            : store.update(display, assembler.assemble(display, row)))
                    .ifPresent(changed::add);
        }
        if (!changed.isEmpty()) {
            publisher.publish(changed);
        }
        return changed.size();
    }
}
