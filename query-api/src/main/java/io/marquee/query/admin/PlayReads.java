package io.marquee.query.admin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.UUID;

/** Play counts from {@code play_count_daily}, which the projections keep per content, display and UTC day. */
@Component
class PlayReads {

    private final JdbcTemplate jdbc;

    PlayReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    PlayCounts ofContent(UUID organizationId, UUID contentId, LocalDate from, LocalDate to) {
        Object[] args = {organizationId, contentId, from, to};
        String where = " FROM play_count_daily WHERE organization_id = ? AND content_id = ? AND day BETWEEN ? AND ? ";
        var days = jdbc.query("SELECT day, sum(plays) AS plays, sum(duration_ms) AS duration_ms" + where
                        + "GROUP BY day ORDER BY day",
                (rs, row) -> new PlayCounts.Day(rs.getObject("day", LocalDate.class), rs.getLong("plays"),
                        rs.getLong("duration_ms")), args);
        var displays = jdbc.query("SELECT display_id, sum(plays) AS plays, sum(duration_ms) AS duration_ms" + where
                        + "GROUP BY display_id ORDER BY sum(plays) DESC, display_id",
                (rs, row) -> new PlayCounts.OnDisplay(rs.getObject("display_id", UUID.class), rs.getLong("plays"),
                        rs.getLong("duration_ms")), args);
        long plays = days.stream().mapToLong(PlayCounts.Day::plays).sum();
        long duration = days.stream().mapToLong(PlayCounts.Day::durationMs).sum();
        return new PlayCounts(contentId, from, to, plays, duration, days, displays);
    }
}
