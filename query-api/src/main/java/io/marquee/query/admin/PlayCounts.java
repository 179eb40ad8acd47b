package io.marquee.query.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How often one content item played between two UTC days (both included): in all, per day and per
 * display.
 */
record PlayCounts(UUID contentId, LocalDate from, LocalDate to, long plays, long durationMs,
                  List<Day> days, List<OnDisplay> displays) {

    /** Plays on one UTC day, on every display. */
    record Day(LocalDate day, long plays, long durationMs) {
    }

    /** Plays on one display over the whole range. */
    record OnDisplay(UUID displayId, long plays, long durationMs) {
    }
}
