package io.marquee.projections.plays;

import io.marquee.events.telemetry.Play;
import io.marquee.events.telemetry.PlaysReported;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records each proof-of-play report exactly once. In one transaction per batch, a report first claims
 * its id in {@code play_report}; only a report whose claim succeeds adds its plays and its counts, so
 * a redelivered report (or the same batch again after a crash) changes nothing.
 */
@Component
class PlayLedger {

    /** The key of a daily count: one content on one display on one UTC day. */
    private record DayKey(UUID contentId, UUID displayId, LocalDate day, UUID organizationId) {
    }

    /** Plays and total duration of one {@link DayKey}. */
    private record Tally(long plays, long durationMs) {
        Tally plus(Tally other) {
            return new Tally(plays + other.plays, durationMs + other.durationMs);
        }
    }

    /** One play with the report it came in and its place in that report. */
    private record Row(PlaysReported report, int index, Play play) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    PlayLedger(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    void record(List<PlaysReported> reports) {
        if (reports.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            List<Row> rows = new ArrayList<>();
            for (PlaysReported report : reports) {
                if (claim(report)) {
                    for (int index = 0; index < report.plays().size(); index++) {
                        rows.add(new Row(report, index, report.plays().get(index)));
                    }
                }
            }
            insertPlays(rows);
            addToCounts(rows);
        });
    }

    private boolean claim(PlaysReported report) {
        return jdbc.update("""
                        INSERT INTO play_report (report_id, display_id, organization_id, received_at, plays)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (report_id) DO NOTHING""",
                report.reportId(), report.displayId().value(), report.organizationId().value(),
                report.receivedAt().atOffset(ZoneOffset.UTC), report.plays().size()) == 1;
    }

    private void insertPlays(List<Row> rows) {
        jdbc.batchUpdate("""
                INSERT INTO proof_of_play (report_id, play_index, display_id, organization_id, item_id, content_id,
                                           manifest_version, started_at, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 500, (statement, row) -> {
            Play play = row.play();
            statement.setObject(1, row.report().reportId());
            statement.setInt(2, row.index());
            statement.setObject(3, row.report().displayId().value());
            statement.setObject(4, row.report().organizationId().value());
            statement.setObject(5, play.itemId() == null ? null : play.itemId().value());
            statement.setObject(6, play.contentId() == null ? null : play.contentId().value());
            statement.setLong(7, play.manifestVersion());
            statement.setObject(8, play.startedAt().atOffset(ZoneOffset.UTC));
            statement.setLong(9, play.durationMs());
        });
    }

    /** Plays without a content id (items of a bare uri) are kept as proof but not counted per content. */
    private void addToCounts(List<Row> rows) {
        Map<DayKey, Tally> tallies = new LinkedHashMap<>();
        for (Row row : rows) {
            Play play = row.play();
            if (play.contentId() != null) {
                DayKey key = new DayKey(play.contentId().value(), row.report().displayId().value(),
                        LocalDate.ofInstant(play.startedAt(), ZoneOffset.UTC), row.report().organizationId().value());
                tallies.merge(key, new Tally(1, play.durationMs()), Tally::plus);
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO play_count_daily (content_id, display_id, day, organization_id, plays, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (content_id, display_id, day) DO UPDATE SET
                    plays = play_count_daily.plays + EXCLUDED.plays,
                    duration_ms = play_count_daily.duration_ms + EXCLUDED.duration_ms""",
                new ArrayList<>(tallies.entrySet()), 500, (statement, entry) -> {
                    statement.setObject(1, entry.getKey().contentId());
                    statement.setObject(2, entry.getKey().displayId());
                    statement.setObject(3, entry.getKey().day());
                    statement.setObject(4, entry.getKey().organizationId());
                    statement.setLong(5, entry.getValue().plays());
                    statement.setLong(6, entry.getValue().durationMs());
                });
    }
}
