package io.marquee.projections.display;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.projections.BatchRows;
import io.marquee.projections.CopyIn;
import io.marquee.projections.RowTable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The {@code projection_display} table. */
final class DisplayRows implements RowTable<DisplayRows.Display> {

    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };

    /** A display row in memory. */
    static final class Display extends BatchRows.Row {
        final UUID displayId;
        final UUID organizationId;
        String name;
        String location;
        String timezone;
        List<String> tags;
        UUID playlistId;
        boolean decommissioned;

        Display(UUID displayId, UUID organizationId, String name, String location, String timezone, List<String> tags,
                UUID playlistId, boolean decommissioned, long lastPosition) {
            super(lastPosition);
            this.displayId = displayId;
            this.organizationId = organizationId;
            this.name = name;
            this.location = location;
            this.timezone = timezone;
            this.tags = tags;
            this.playlistId = playlistId;
            this.decommissioned = decommissioned;
        }

        @Override
        public UUID id() {
            return displayId;
        }

        static Display registered(DisplayRegisteredEvent registered) {
            return new Display(registered.displayId().value(), registered.organizationId().value(), registered.name(),
                    registered.location(), registered.timezone(), registered.tags(), null, false, 0);
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = MarqueeJson.newMapper();

    DisplayRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public List<Display> select(Set<UUID> ids) {
        return jdbc.query("""
                SELECT display_id, organization_id, name, location, timezone, tags::text, playlist_id, decommissioned,
                    last_position
                FROM projection_display WHERE display_id = ANY(?) ORDER BY display_id FOR UPDATE""",
                (rs, n) -> new Display(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), read(rs.getString(6)), rs.getObject(7, UUID.class),
                        rs.getBoolean(8), rs.getLong(9)),
                (Object) ids.toArray(UUID[]::new));
    }

    @Override
    public void insert(List<Display> created) {
        jdbc.batchUpdate("""
                    INSERT INTO projection_display (name, location, timezone, tags, playlist_id, decommissioned,
                        last_position, display_id, organization_id)
                    VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) ON CONFLICT (display_id) DO NOTHING""",
                    created, created.size(), (statement, display) -> {
                        bind(statement, display);
                        statement.setObject(9, display.organizationId);
                    });
    }

    @Override
    public void insertNew(List<Display> created) {
        CopyIn.copy(jdbc, "projection_display", List.of("display_id", "organization_id", "name", "location", "timezone",
                "tags", "playlist_id", "decommissioned", "last_position"), created, (display, line) -> line
                .add(display.displayId).add(display.organizationId).add(display.name).add(display.location)
                .add(display.timezone).add(write(display.tags)).add(display.playlistId).add(display.decommissioned)
                .add(display.lastPosition()));
    }

    @Override
    public void update(List<Display> changed) {
        jdbc.batchUpdate("""
                    UPDATE projection_display SET name = ?, location = ?, timezone = ?, tags = ?::jsonb, playlist_id = ?,
                        decommissioned = ?, last_position = ? WHERE display_id = ?""",
                    changed, changed.size(), this::bind);
    }

    private void bind(PreparedStatement statement, Display display) throws SQLException {
        statement.setString(1, display.name);
        statement.setString(2, display.location);
        statement.setString(3, display.timezone);
        statement.setString(4, write(display.tags));
        statement.setObject(5, display.playlistId);
        statement.setBoolean(6, display.decommissioned);
        statement.setLong(7, display.lastPosition());
        statement.setObject(8, display.displayId);
    }

    private List<String> read(String tags) {
        try {
            return json.readValue(tags, TAGS);
        } catch (IOException e) {
            throw new UncheckedIOException("stored display tags are not valid JSON", e);
        }
    }

    private String write(List<String> tags) {
        try {
            return json.writeValueAsString(tags == null ? List.of() : tags);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write display tags as JSON", e);
        }
    }
}
