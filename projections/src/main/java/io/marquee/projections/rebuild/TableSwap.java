package io.marquee.projections.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The switch itself, inside the caller's transaction: live tables move to a retired schema, the side
 * tables take their place, and the views that read them are recreated on the new ones. PostgreSQL DDL
 * is transactional, so readers see the old version or the new one, never a mix.
 */
final class TableSwap {

    private record View(String schema, String name, String definition) {
    }

    private final JdbcTemplate jdbc;

    TableSwap(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Blocks every writer and reader of the live tables until the transaction ends. */
    void lock(String live, List<String> tables) {
        jdbc.execute("LOCK TABLE " + String.join(", ", tables.stream().sorted().map(t -> live + "." + t).toList())
                + " IN ACCESS EXCLUSIVE MODE");
    }

    void swap(String live, String side, String retired, List<String> tables) {
        List<View> views = viewsReading(live, tables);
        jdbc.execute("CREATE SCHEMA " + retired);
        for (String table : tables) {
            jdbc.execute("ALTER TABLE " + live + "." + table + " SET SCHEMA " + retired);
            jdbc.execute("ALTER TABLE " + side + "." + table + " SET SCHEMA " + live);
        }
        // a view follows the table it was bound to (now retired): bind it again by name
        views.forEach(view -> jdbc.execute("CREATE OR REPLACE VIEW \"" + view.schema() + "\".\"" + view.name()
                + "\" AS " + view.definition()));
    }

    private List<View> viewsReading(String live, List<String> tables) {
        String[] qualified = tables.stream().map(table -> live + "." + table).toArray(String[]::new);
        return jdbc.query("""
                SELECT DISTINCT n.nspname, v.relname, pg_get_viewdef(v.oid)
                FROM pg_depend d
                JOIN pg_rewrite r ON r.oid = d.objid
                JOIN pg_class v ON v.oid = r.ev_class
                JOIN pg_namespace n ON n.oid = v.relnamespace
                WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid = ANY(?::regclass[]) AND v.oid <> d.refobjid""",
                (rs, row) -> new View(rs.getString(1), rs.getString(2), rs.getString(3)), (Object) qualified);
    }
}
