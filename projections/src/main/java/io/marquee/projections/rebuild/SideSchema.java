package io.marquee.projections.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL schema {@code rebuild_<projection>} where a new version of a read model is built:
 * the same tables as the live ones (copied with {@code LIKE ... INCLUDING ALL}, indexes renamed to the
 * live names so later migrations find them), and one row saying which run and version it holds.
 */
final class SideSchema {

    /** One rebuild in progress: its side schema, and the run id that names its consumer group. */
    record Run(String schema, UUID runId, int version) {
        String groupId(String projection) {
            return "marquee-rebuild-" + projection + "-" + runId;
        }
    }

    private final JdbcTemplate jdbc;

    SideSchema(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String liveSchema() {
        return jdbc.queryForObject("SELECT current_schema()", String.class);
    }

    /** Resumes the run of the same version if there is one; otherwise starts over with empty side tables. */
    Run prepare(RebuildableProjection projection) {
        String schema = "rebuild_" + projection.name();
        Optional<Run> existing = existing(schema).filter(run -> run.version() == projection.version());
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + schema);
        String live = liveSchema();
        for (String table : projection.tables()) {
            jdbc.execute("CREATE TABLE " + schema + "." + table + " (LIKE " + live + "." + table + " INCLUDING ALL)");
            renameIndexesLike(live, schema, table);
        }
        jdbc.execute("CREATE TABLE " + schema + ".rebuild_run (run_id UUID NOT NULL, version INTEGER NOT NULL)");
        Run run = new Run(schema, UUID.randomUUID(), projection.version());
        jdbc.update("INSERT INTO " + schema + ".rebuild_run VALUES (?, ?)", run.runId(), run.version());
        return run;
    }

    void drop(String schema) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** Drops the retired tables one by one (failing if anything still depends on them), then their schema. */
    void dropRetired(String schema, List<String> tables) {
        tables.forEach(table -> jdbc.execute("DROP TABLE IF EXISTS " + schema + "." + table));
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema);
    }

    private Optional<Run> existing(String schema) {
        Boolean present = jdbc.queryForObject(
                "SELECT to_regclass(?) IS NOT NULL", Boolean.class, schema + ".rebuild_run");
        if (!Boolean.TRUE.equals(present)) {
            return Optional.empty();
        }
        return jdbc.query("SELECT run_id, version FROM " + schema + ".rebuild_run",
                (rs, row) -> new Run(schema, rs.getObject(1, UUID.class), rs.getInt(2))).stream().findFirst();
    }

    /** {@code LIKE} names indexes after their columns; give each the live index's name with the same definition. */
    private void renameIndexesLike(String live, String side, String table) {
        List<Map<String, Object>> liveIndexes = indexes(live, table);
        for (Map<String, Object> index : indexes(side, table)) {
            Object definition = index.get("definition");
            Optional<Map<String, Object>> twin = liveIndexes.stream()
                    .filter(candidate -> candidate.get("definition").equals(definition)).findFirst();
            twin.ifPresent(liveIndex -> {
                liveIndexes.remove(liveIndex);
                if (!liveIndex.get("indexname").equals(index.get("indexname"))) {
                    jdbc.execute("ALTER INDEX " + side + ".\"" + index.get("indexname") + "\" RENAME TO \""
                            + liveIndex.get("indexname") + "\"");
                }
            });
        }
    }

    private List<Map<String, Object>> indexes(String schema, String table) {
        return new ArrayList<>(jdbc.queryForList("""
                SELECT indexname, regexp_replace(indexdef, 'INDEX \\S+ ON \\S+ ', 'INDEX ON ') AS definition
                FROM pg_indexes WHERE schemaname = ? AND tablename = ? ORDER BY indexname""", schema, table));
    }
}
