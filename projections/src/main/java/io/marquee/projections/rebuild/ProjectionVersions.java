package io.marquee.projections.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.OptionalInt;

/** The {@code projection_version} table: which version of each projection's code built the live tables. */
final class ProjectionVersions {

    private final JdbcTemplate jdbc;

    ProjectionVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when never recorded, which means version 1. */
    OptionalInt recorded(String projection) {
        return jdbc.queryForList("SELECT version FROM projection_version WHERE projection = ?", Integer.class, projection)
                .stream().mapToInt(Integer::intValue).findFirst();
    }

    int live(String projection) {
        return recorded(projection).orElse(1);
    }

    void record(String projection, int version) {
        jdbc.update("""
                INSERT INTO projection_version (projection, version) VALUES (?, ?)
                ON CONFLICT (projection) DO UPDATE SET version = EXCLUDED.version, switched_at = now()""",
                projection, version);
    }
}
