package io.marquee.projections.manifest;

import io.marquee.events.ids.DisplayId;
import io.marquee.projections.KafkaSends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Recomputes the manifests of the displays a batch touched, stores the changed ones and publishes them.
 * Runs inside the batch's transaction: if publishing fails, the read models roll back with it and the
 * batch is applied again. The displays are assembled and stored a chunk at a time (one query per table
 * per chunk), so a rebuild's switch, which refreshes every display, holds only a chunk in memory. Each
 * chunk is sent as soon as it is stored (the producer batches it, and is flushed after the last chunk) and
 * the acks are awaited once, at the end: a change that reaches 10,000 displays puts its first screens'
 * manifests on the topic while the next chunks are assembled, and the broker's work overlaps the database's.
 * Sending before the commit is no new risk: a batch that fails after a send is applied again and re-derives
 * the same versions from the rolled-back rows, as it did when the publication came last and the commit failed.
 */
@Component
public class ManifestRefresher {

    private static final Logger log = LoggerFactory.getLogger(ManifestRefresher.class);

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
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        int changed = 0;
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<ManifestStore.Publication> publications = refreshChunk(sorted.subList(from, Math.min(sorted.size(), from + CHUNK)));
            if (!publications.isEmpty()) {
                sends.add(publisher.send(publications));
                changed += publications.size();
            }
        }
        long acks = System.nanoTime();
        if (!sends.isEmpty()) {
            publisher.flush();
        }
        KafkaSends.awaitAcks(sends, "manifests");
        log.debug("{} displays, {} changed: acks awaited {} ms", sorted.size(), changed, (System.nanoTime() - acks) / 1_000_000);
        return changed;
    }

    private List<ManifestStore.Publication> refreshChunk(List<DisplayId> displays) {
        long start = System.nanoTime();
        SortedMap<DisplayId, ManifestContent> contents = new TreeMap<>(LOCK_ORDER);
        List<DisplayId> retired = new ArrayList<>();
        Map<DisplayId, ManifestAssembler.Assembled> assembledAll = assembler.assembleAll(displays);
        long assembledAt = System.nanoTime();
        assembledAll.forEach((display, assembled) -> {
            if (assembled.row().decommissioned()) {
                retired.add(display);
            } else {
                contents.put(display, assembled.content());
            }
        });
        List<ManifestStore.Publication> publications = store.updateAll(contents, retired);
        log.debug("chunk of {} displays: assembled {} ms, stored {} ms", displays.size(), (assembledAt - start) / 1_000_000,
                (System.nanoTime() - assembledAt) / 1_000_000);
        return publications;
    }
}
