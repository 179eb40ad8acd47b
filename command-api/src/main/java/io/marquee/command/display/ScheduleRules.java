package io.marquee.command.display;

import io.marquee.infra.web.RuleViolationException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The limits a schedule entry keeps, named so that a refusal says which one. */
final class ScheduleRules {

    static final int MAX_ENTRIES = 100;
    static final int MIN_PRIORITY = 0;
    static final int MAX_PRIORITY = 1000;
    static final int DEFAULT_PRIORITY = 0;

    private ScheduleRules() {
    }

    static void requireRoomIn(int entries) {
        if (entries >= MAX_ENTRIES) {
            throw RuleViolationException.conflict("schedule-max-entries",
                    "A display has at most " + MAX_ENTRIES + " schedule entries.");
        }
    }

    /** Upper-case ISO names in week order, Monday first; none means every day. */
    static List<String> days(List<DayOfWeek> requested) {
        if (requested == null) {
            return List.of();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : requested) {
            if (!days.add(day)) {
                throw RuleViolationException.invalid("schedule-days-distinct",
                        "daysOfWeek names " + day + " more than once.");
            }
        }
        return days.stream().map(DayOfWeek::name).toList();
    }

    /** Both or neither; a start after the end runs overnight, so only equal times are refused. */
    static void requireTimeWindow(LocalTime start, LocalTime end) {
        if ((start == null) != (end == null)) {
            throw RuleViolationException.invalid("schedule-times-paired",
                    "startTime and endTime are given together or not at all.");
        }
        if (start != null && start.equals(end)) {
            throw RuleViolationException.invalid("schedule-times-distinct",
                    "startTime and endTime must differ; leave both out to play all day.");
        }
    }

    static void requireDateRange(LocalDate start, LocalDate end) {
        if (start != null && end != null && start.isAfter(end)) {
            throw RuleViolationException.invalid("schedule-dates-ordered", "startDate must not be after endDate.");
        }
    }

    static int priority(Integer requested) {
        int priority = requested == null ? DEFAULT_PRIORITY : requested;
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw RuleViolationException.invalid("schedule-priority-range",
                    "priority is between " + MIN_PRIORITY + " and " + MAX_PRIORITY + ".");
        }
        return priority;
    }
}
