package io.marquee.infra.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL keeps what it committed: it holds the event store of accepted commands. (A
 * test killing the server right after commits did not lose rows even with zonky's asynchronous
 * commits, whose window is the WAL writer's next wake-up; so the settings themselves are checked.)
 */
class EmbeddedPostgresDurabilityIT {

    @Test
    void commits_are_flushed_before_they_answer_and_fsynced(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0);
             Connection connection = connect(server); Statement sql = connection.createStatement()) {
            assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(sql, "fsync")).isEqualTo("on");
        }
    }

    private static String setting(Statement sql, String name) throws SQLException {
        try (ResultSet value = sql.executeQuery("SHOW " + name)) {
            value.next();
            return value.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("marquee"), server.username(), server.password());
    }
}
