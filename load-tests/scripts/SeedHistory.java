import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fills history_event with synthetic rows of one organization, straight in PostgreSQL (INSERT ... SELECT
 * generate_series, in chunks), for timing the NDJSON stream of the history over many events. Positions start
 * at 1,000,000,000 so they never meet real ones.
 *
 * Usage: java -cp "BOOT-INF/lib/*" SeedHistory.java jdbcUrl organizationId events
 */
public class SeedHistory {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        UUID organization = UUID.fromString(args[1]);
        long events = Long.parseLong(args[2]);
        long chunk = 100_000;
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres"); Statement sql = db.createStatement()) {
            for (long from = 0; from < events; from += chunk) {
                long to = Math.min(events, from + chunk) - 1;
                sql.execute("""
                        INSERT INTO history_event (position, event_id, organization_id, aggregate_type, aggregate_id,
                            aggregate_sequence, type, version, occurred_at, actor, correlation_id, payload, batch_end, projected_at)
                        SELECT 1000000000 + n, gen_random_uuid(), '%1$s', 'Content', 'c-' || (n %% 2000), n / 2000,
                            'ContentRenamed', 1, now() - interval '1 second' * (%2$d - n), 'seed', 'seed-' || n,
                            jsonb_build_object('contentId', 'c-' || (n %% 2000), 'organizationId', '%1$s',
                                               'name', 'Spring campaign slide number ' || n),
                            1000000000 + n, now()
                        FROM generate_series(%3$d, %4$d) AS n
                        """.formatted(organization, events, from, to));
            }
        }
        System.out.println("seeded " + events + " history events for organization " + organization);
    }
}
