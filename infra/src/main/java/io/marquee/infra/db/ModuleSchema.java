package io.marquee.infra.db;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;

import javax.sql.DataSource;

/**
 * Builds the Flyway migration of one module: scripts under {@code classpath:db/migration/<module>},
 * history in {@code flyway_history_<module>}. Separate histories let the roles share one database in
 * the standalone runtime and still be deployed, and migrated, independently.
 */
public final class ModuleSchema {

    private ModuleSchema() {
    }

    /**
     * Declare the result as a bean: Spring Boot then orders JDBC users after it, as it does for its own Flyway.
     */
    public static FlywayMigrationInitializer migration(DataSource dataSource, String module) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + module)
                .table("flyway_history_" + module.replace('-', '_'))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        return new FlywayMigrationInitializer(flyway);
    }
}
