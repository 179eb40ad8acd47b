package io.marquee.query.admin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Content from {@code projection_content}, scoped to one organization. */
@Component
class ContentReads {

    private static final String COLUMNS = """
            content_id, name, type, uri, default_duration_seconds, checksum, size_bytes, valid_from, valid_until,
            archived""";
    private static final RowMapper<ContentView> ROW = (rs, row) -> new ContentView(
            rs.getObject("content_id", UUID.class), rs.getString("name"), rs.getString("type"), rs.getString("uri"),
            rs.getObject("default_duration_seconds", Integer.class), rs.getString("checksum"),
            rs.getObject("size_bytes", Long.class), instant(rs.getObject("valid_from", OffsetDateTime.class)),
            instant(rs.getObject("valid_until", OffsetDateTime.class)), rs.getBoolean("archived"));

    private final JdbcTemplate jdbc;

    ContentReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Page<ContentView> list(UUID organizationId, String name, boolean archived, PageRequest page) {
        ListFilter filter = new ListFilter("organization_id = ?", organizationId)
                .nameContains("name", name)
                .andIf(!archived, "NOT archived");
        long total = jdbc.queryForObject("SELECT count(*) FROM projection_content WHERE " + filter.sql(), Long.class, filter.args());
        var items = jdbc.query("SELECT " + COLUMNS + " FROM projection_content WHERE " + filter.sql()
                + " ORDER BY lower(name), content_id LIMIT ? OFFSET ?", ROW, filter.argsThen(page.size(), page.offset()));
        return Page.of(items, page, total);
    }

    Optional<ContentView> find(UUID organizationId, UUID contentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM projection_content WHERE organization_id = ? AND content_id = ?",
                ROW, organizationId, contentId).stream().findFirst();
    }

    static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
