package io.marquee.projections.rebuild;

import io.marquee.projections.Projector;

import java.util.List;

/**
 * One read model that can be rebuilt: the tables it owns, the projectors that write them (and read
 * nothing outside them), and the version of its code. Bump the version when the projectors' behaviour
 * changes: the next start rebuilds it in the background and switches to it.
 *
 * @param name        the name on the command line and in {@code projection_version}
 * @param version     the version of the code that builds it
 * @param tables      its tables, in the live schema; each is copied with {@code LIKE ... INCLUDING ALL}
 * @param projectors  what writes the tables
 * @param afterSwitch runs inside the switch transaction, on the new live tables (e.g. republish what changed)
 */
public record RebuildableProjection(String name, int version, List<String> tables, List<Projector> projectors,
                                    Runnable afterSwitch) {

    public RebuildableProjection {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("a projection name is a lower-case identifier: " + name);
        }
        tables.forEach(table -> {
            if (!table.matches("[a-z][a-z0-9_]{0,60}")) {
                throw new IllegalArgumentException("not a plain table name: " + table);
            }
        });
        tables = List.copyOf(tables);
        projectors = List.copyOf(projectors);
    }

    /** The same projection at another version (tests bump versions this way too). */
    public RebuildableProjection atVersion(int newVersion) {
        return new RebuildableProjection(name, newVersion, tables, projectors, afterSwitch);
    }
}
