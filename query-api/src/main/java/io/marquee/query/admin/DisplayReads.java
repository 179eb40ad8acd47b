package io.marquee.query.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Displays from {@code projection_display}, with their status from {@code display_status} and their
 * latest manifest version from {@code display_manifest}; the delivery summary from {@code display_delivery}.
 */
@Component
class DisplayReads {

    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };
    private static final String FROM = """
             FROM projection_display d
             LEFT JOIN display_status s ON s.display_id = d.display_id
             LEFT JOIN display_manifest m ON m.display_id = d.display_id
            WHERE\s""";
    private static final String COLUMNS = """
            SELECT d.display_id, d.name, d.location, d.timezone, d.tags, d.playlist_id, d.decommissioned,
                   s.last_seen, s.manifest_version, s.current_item_id, m.version AS latest_version""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final OnlinePolicy online;
    private final RowMapper<DisplayView> row = this::display;

    DisplayReads(JdbcTemplate jdbc, ObjectMapper json, OnlinePolicy online) {
        this.jdbc = jdbc;
        this.json = json;
        this.online = online;
    }

    Page<DisplayView> list(UUID organizationId, String name, String tag, boolean decommissioned, PageRequest page) {
        ListFilter filter = new ListFilter("d.organization_id = ?", organizationId)
                .nameContains("d.name", name)
                .andIf(tag != null && !tag.isBlank(), "d.tags @> jsonb_build_array(?::text)", tag)
                .andIf(!decommissioned, "NOT d.decommissioned");
        long total = jdbc.queryForObject("SELECT count(*)" + FROM + filter.sql(), Long.class, filter.args());
        var items = jdbc.query(COLUMNS + FROM + filter.sql() + " ORDER BY lower(d.name), d.display_id LIMIT ? OFFSET ?",
                row, filter.argsThen(page.size(), page.offset()));
        return Page.of(items, page, total);
    }

    Optional<DisplayView> find(UUID organizationId, UUID displayId) {
        return jdbc.query(COLUMNS + FROM + "d.organization_id = ? AND d.display_id = ?", row, organizationId, displayId)
                .stream().findFirst();
    }

    DeliverySummary delivery(UUID organizationId) {
        return jdbc.queryForObject("""
                        SELECT count(*) AS displays,
                               count(*) FILTER (WHERE dd.up_to_date) AS on_latest,
                               count(*) FILTER (WHERE s.last_seen > ?) AS online
                        FROM display_delivery dd LEFT JOIN display_status s ON s.display_id = dd.display_id
                        WHERE dd.organization_id = ?""",
                (rs, n) -> DeliverySummary.of(rs.getLong("displays"), rs.getLong("on_latest"), rs.getLong("online")),
                online.onlineSince().atOffset(ZoneOffset.UTC), organizationId);
    }

    private DisplayView display(ResultSet rs, int rowNumber) throws SQLException {
        OffsetDateTime seen = rs.getObject("last_seen", OffsetDateTime.class);
        Instant lastSeen = seen == null ? null : seen.toInstant();
        Long applied = rs.getObject("manifest_version", Long.class);
        Long latest = rs.getObject("latest_version", Long.class);
        return new DisplayView(rs.getObject("display_id", UUID.class), rs.getString("name"), rs.getString("location"),
                rs.getString("timezone"), tags(rs.getString("tags")), rs.getObject("playlist_id", UUID.class),
                rs.getBoolean("decommissioned"),
                online.isOnline(lastSeen) ? DisplayView.ONLINE : DisplayView.OFFLINE, lastSeen, applied,
                rs.getObject("current_item_id", UUID.class), latest, latest != null && latest.equals(applied));
    }

    private List<String> tags(String stored) {
        try {
            return json.readValue(stored, TAGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored display's tags are not a JSON list", e);
        }
    }
}
