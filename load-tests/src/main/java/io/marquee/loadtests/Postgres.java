package io.marquee.loadtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Creates an empty database on the platform's PostgreSQL, for scenario 6's rebuilding process.
 *
 * <p>Usage: {@code Postgres jdbcUrlOfAnExistingDatabase user password newDatabase}
 */
public final class Postgres {

    public static void main(String[] args) throws Exception {
        if (!args[3].matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + args[3]);
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + args[3]);
        }
    }
}
