package io.marquee.projections.content;

import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.content.ContentUpdatedEvent;
import io.marquee.projections.BatchRows;
import io.marquee.projections.CopyIn;
import io.marquee.projections.RowTable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The {@code projection_content} table. */
final class ContentRows implements RowTable<ContentRows.Content> {

    /** A content row in memory. */
    static final class Content extends BatchRows.Row {
        final UUID contentId;
        final UUID organizationId;
        final String type;
        String name;
        String uri;
        Integer defaultDurationSeconds;
        String checksum;
        Long sizeBytes;
        Instant validFrom;
        Instant validUntil;
        boolean archived;

        Content(UUID contentId, UUID organizationId, String type, long lastPosition) {
            super(lastPosition);
            this.contentId = contentId;
            this.organizationId = organizationId;
            this.type = type;
        }

        @Override
        public UUID id() {
            return contentId;
        }

        static Content created(ContentCreatedEvent created) {
            Content content = new Content(created.contentId().value(), created.organizationId().value(), created.type(), 0);
            content.name = created.name();
            content.uri = created.uri();
            content.defaultDurationSeconds = created.defaultDurationSeconds();
            content.checksum = created.checksum();
            content.sizeBytes = created.sizeBytes();
            content.validFrom = created.validFrom();
            content.validUntil = created.validUntil();
            return content;
        }

        void update(ContentUpdatedEvent updated) {
            name = updated.name();
            uri = updated.uri();
            defaultDurationSeconds = updated.defaultDurationSeconds();
            checksum = updated.checksum();
            sizeBytes = updated.sizeBytes();
            validFrom = updated.validFrom();
            validUntil = updated.validUntil();
        }
    }

    private final JdbcTemplate jdbc;

    ContentRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Content> select(Set<UUID> ids) {
        return jdbc.query("""
                SELECT content_id, organization_id, type, name, uri, default_duration_seconds, checksum, size_bytes,
                    valid_from, valid_until, archived, last_position
                FROM projection_content WHERE content_id = ANY(?) ORDER BY content_id FOR UPDATE""",
                (rs, n) -> {
                    Content content = new Content(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getLong(12));
                    content.name = rs.getString(4);
                    content.uri = rs.getString(5);
                    content.defaultDurationSeconds = (Integer) rs.getObject(6);
                    content.checksum = rs.getString(7);
                    content.sizeBytes = (Long) rs.getObject(8);
                    content.validFrom = instant(rs.getTimestamp(9));
                    content.validUntil = instant(rs.getTimestamp(10));
                    content.archived = rs.getBoolean(11);
                    return content;
                },
                (Object) ids.toArray(UUID[]::new));
    }

    @Override
    public void insert(List<Content> created) {
        jdbc.batchUpdate("""
                    INSERT INTO projection_content (name, uri, default_duration_seconds, checksum, size_bytes, valid_from,
                        valid_until, archived, last_position, content_id, organization_id, type)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_id) DO NOTHING""",
                    created, created.size(), (statement, content) -> {
                        bind(statement, content);
                        statement.setObject(11, content.organizationId);
                        statement.setString(12, content.type);
                    });
    }

    @Override
    public void insertNew(List<Content> created) {
        CopyIn.copy(jdbc, "projection_content", List.of("content_id", "organization_id", "type", "name", "uri",
                "default_duration_seconds", "checksum", "size_bytes", "valid_from", "valid_until", "archived",
                "last_position"), created, (content, line) -> line.add(content.contentId).add(content.organizationId)
                .add(content.type).add(content.name).add(content.uri).add(content.defaultDurationSeconds)
                .add(content.checksum).add(content.sizeBytes).add(content.validFrom).add(content.validUntil)
                .add(content.archived).add(content.lastPosition()));
    }

    @Override
    public void update(List<Content> changed) {
        jdbc.batchUpdate("""
                    UPDATE projection_content SET name = ?, uri = ?, default_duration_seconds = ?, checksum = ?,
                        size_bytes = ?, valid_from = ?, valid_until = ?, archived = ?, last_position = ?
                    WHERE content_id = ?""",
                    changed, changed.size(), ContentRows::bind);
    }

    private static void bind(PreparedStatement statement, Content content) throws SQLException {
        statement.setString(1, content.name);
        statement.setString(2, content.uri);
        statement.setObject(3, content.defaultDurationSeconds, java.sql.Types.INTEGER);
        statement.setString(4, content.checksum);
        statement.setObject(5, content.sizeBytes, java.sql.Types.BIGINT);
        statement.setTimestamp(6, content.validFrom == null ? null : Timestamp.from(content.validFrom));
        statement.setTimestamp(7, content.validUntil == null ? null : Timestamp.from(content.validUntil));
        statement.setBoolean(8, content.archived);
        statement.setLong(9, content.lastPosition());
        statement.setObject(10, content.contentId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
