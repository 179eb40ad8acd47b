package io.marquee.projections.manifest;

import io.marquee.events.ids.DisplayId;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Recomputes the manifests of the displays a batch touched, stores the changed ones and publishes them.
 * Runs inside the batch's transaction: if publishing fails, the read models roll back with it and the
 * batch is applied again. The displays are assembled and stored a chunk at a time (one query per table
 * per chunk), so a rebuild's switch, which refreshes every display, holds only a chunk in memory.
 */
@Component
public class ManifestRefresher {

    /** Displays assembled together; a live batch touches fewer. */
    static final int CHUNK = 1_000;
    /** Manifest locks are taken in this order (PostgreSQL orders uuids as their text), so two batches never deadlock. */
    private static final Comparator<DisplayId> LOCK_ORDER = Comparator.comparing(display -> display.value().toString());

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
        List<DisplayId> sorted = displays.stream().distinct().sorted(LOCK_ORDER).toList();
        List<ManifestStore.Publication> changed = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            changed.addAll(refreshChunk(sorted.subList(from, Math.min(sorted.size(), from + CHUNK))));
        }
        if (!changed.isEmpty()) {
            publisher.publish(changed);
        }
        return changed.size();
    }

    private List<ManifestStore.Publication> refreshChunk(List<DisplayId> displays) {
        SortedMap<DisplayId, ManifestContent> contents = new TreeMap<>(LOCK_ORDER);
        List<DisplayId> retired = new ArrayList<>();
        assembler.assembleAll(displays).forEach((display, assembled) -> {
            if (assembled.row().decommissioned()) {
                retired.add(display);
            } else {
                contents.put(display, assembled.content());
            }
        });
        return store.updateAll(contents, retired);
    }
}
