package io.marquee.query.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a list read, built from fixed SQL fragments and bound values only: a filter's
 * value never becomes SQL text.
 */
final class ListFilter {

    private final StringBuilder where = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    ListFilter(String condition, Object value) {
        where.append(condition);
        args.add(value);
    }

    /** Adds the condition when {@code include} holds. */
    ListFilter andIf(boolean include, String condition, Object... values) {
        if (include) {
            where.append(" AND ").append(condition);
            args.addAll(List.of(values));
        }
        return this;
    }

    /** Case-insensitive "contains" on a name column, when a name was given. */
    ListFilter nameContains(String column, String name) {
        return andIf(name != null && !name.isBlank(), "strpos(lower(" + column + "), lower(?)) > 0", name);
    }

    String sql() {
        return where.toString();
    }

    Object[] args() {
        return args.toArray();
    }

    Object[] argsThen(Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
