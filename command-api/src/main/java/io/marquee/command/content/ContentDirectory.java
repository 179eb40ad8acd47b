package io.marquee.command.content;

import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Which content items exist, for whom, and whether they are archived: what a Playlist must know to
 * accept an item. Kept by a subscribing processor, so it is written in the transaction that stores
 * the content's events and is never behind the event store.
 */
@Component
@ProcessingGroup("command-directory")
class ContentDirectory implements ContentLookup {

    private final JdbcTemplate jdbc;

    ContentDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> find(ContentId contentId) {
        return jdbc.query("SELECT organization_id, archived FROM command_content_directory WHERE content_id = ?",
                rs -> rs.next()
                        ? Optional.of(new Entry(contentId,
                                new OrganizationId(rs.getObject(1, UUID.class)), rs.getBoolean(2)))
                        : Optional.empty(),
                contentId.value());
    }

    @EventHandler
    void on(ContentCreatedEvent event) {
        jdbc.update("""
                INSERT INTO command_content_directory (content_id, organization_id, archived)
                VALUES (?, ?, FALSE) ON CONFLICT (content_id) DO NOTHING""",
                event.contentId().value(), event.organizationId().value());
    }

    @EventHandler
    void on(ContentArchivedEvent event) {
        jdbc.update("UPDATE command_content_directory SET archived = TRUE WHERE content_id = ?",
                event.contentId().value());
    }
}
