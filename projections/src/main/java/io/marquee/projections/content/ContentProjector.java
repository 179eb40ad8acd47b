package io.marquee.projections.content;

import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.content.ContentUpdatedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.projections.BatchRows;
import io.marquee.projections.Projector;
import io.marquee.projections.ReplayRows;
import io.marquee.projections.RowStore;
import io.marquee.projections.manifest.ManifestAudience;
import io.marquee.projections.stream.ReadEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps {@code projection_content}; a change reaches every display showing the content. A batch reads
 * its content rows once, applies its events to them in memory and writes each changed row once
 * ({@link ContentRows}); the audience is asked once, after the writes.
 */
@Component
class ContentProjector implements Projector {

    private final ContentRows rows;
    private final ManifestAudience audience;

    ContentProjector(JdbcTemplate jdbc, ManifestAudience audience) {
        this.rows = new ContentRows(jdbc);
        this.audience = audience;
    }

    @Override
    public Set<DisplayId> apply(EventEnvelope envelope, MarqueeEvent event) {
        return applyAll(List.of(new ReadEvent(envelope, event)));
    }

    @Override
    public Set<DisplayId> applyAll(List<ReadEvent> batch) {
        Set<UUID> changed = write(batch, rows);
        return changed.isEmpty() ? Set.of() : audience.showingContents(changed);
    }

    /** The same rows, without asking who shows the content (see {@link Projector#replayAll}). */
    @Override
    public void replayAll(List<ReadEvent> batch, ReplayRows held) {
        write(batch, held.of(rows));
    }

    /** @return the content items the batch changed (not those it created: they are in no playlist yet) */
    private Set<UUID> write(List<ReadEvent> batch, RowStore<ContentRows.Content> store) {
        List<ReadEvent> mine = batch.stream().filter(read -> read.event() instanceof ContentCreatedEvent
                || read.event() instanceof ContentUpdatedEvent || read.event() instanceof ContentArchivedEvent).toList();
        if (mine.isEmpty()) {
            return Set.of();
        }
        Set<UUID> ids = mine.stream().map(read -> UUID.fromString(read.event().aggregateId())).collect(Collectors.toSet());
        BatchRows<ContentRows.Content> contents = store.load(ids);
        Set<UUID> changed = new LinkedHashSet<>();
        for (ReadEvent read : mine) {
            long position = read.envelope().position();
            if (read.event() instanceof ContentCreatedEvent created) {
                // new content is in no playlist yet
                contents.create(created.contentId().value(), ContentRows.Content.created(created), position);
                continue;
            }
            ContentRows.Content content = contents.claim(UUID.fromString(read.event().aggregateId()), position);
            if (content == null) {
                continue;
            }
            changed.add(content.contentId);
            if (read.event() instanceof ContentUpdatedEvent updated) {
                content.update(updated);
            } else {
                content.archived = true;
            }
        }
        store.write(contents);
        return changed;
    }
}
