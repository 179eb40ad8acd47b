package io.marquee.query.history;

import io.marquee.events.EventCatalog;
import io.marquee.infra.web.InvalidFieldsException;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which events of one organization a history read wants. Filters combine; {@code from} is inclusive,
 * {@code to} exclusive, {@code after} is the last position the client already has.
 */
record HistoryFilter(UUID organizationId, String aggregateId, String type, String actor, Instant from, Instant to,
                     long after, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** Reads the raw query parameters; anything it cannot accept is a {@link InvalidFieldsException} (400). */
    static HistoryFilter parse(UUID organizationId, String aggregateId, String type, String actor, String from,
                               String to, String after, String limit) {
        if (type != null && EventCatalog.byName(type).isEmpty()) {
            throw InvalidFieldsException.parameter("type", "is not an event type of the catalogue");
        }
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw InvalidFieldsException.parameter("from", "must not be after to");
        }
        long afterPosition = number("after", after, 0, Long.MAX_VALUE, 0);
        int pageSize = (int) number("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        return new HistoryFilter(organizationId, blankToNull(aggregateId), type, blankToNull(actor), fromInstant,
                toInstant, afterPosition, pageSize);
    }

    /** The SQL condition and its arguments, in order. */
    String where(List<Object> arguments) {
        List<String> conditions = new ArrayList<>(List.of("organization_id = ?", "position > ?"));
        arguments.add(organizationId);
        arguments.add(after);
        condition(conditions, arguments, "aggregate_id = ?", aggregateId);
        condition(conditions, arguments, "type = ?", type);
        condition(conditions, arguments, "actor = ?", actor);
        condition(conditions, arguments, "occurred_at >= ?", from == null ? null : Timestamp.from(from));
        condition(conditions, arguments, "occurred_at < ?", to == null ? null : Timestamp.from(to));
        return String.join(" AND ", conditions);
    }

    private static void condition(List<String> conditions, List<Object> arguments, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            arguments.add(value);
        }
    }

    static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidFieldsException.parameter(parameter, "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
    }

    private static long number(String parameter, String value, long min, long max, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw InvalidFieldsException.parameter(parameter,
                max == Long.MAX_VALUE ? "must be a number of at least " + min : "must be between " + min + " and " + max);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
