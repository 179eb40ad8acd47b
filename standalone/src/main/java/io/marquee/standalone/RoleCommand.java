package io.marquee.standalone;

import io.marquee.command.CommandApiApplication;
import io.marquee.projections.ProjectionsApplication;
import io.marquee.query.QueryApiApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * {@code java -jar marquee-standalone.jar query-api|projections|command-api --server.port=N}: one more
 * process of one role, joining the platform that runs on {@code marquee.data-dir} (its embedded Kafka
 * broker, PostgreSQL server and access-token keys), or the external Kafka and PostgreSQL that
 * {@code MARQUEE_KAFKA_BOOTSTRAP_SERVERS} and {@code MARQUEE_DB_URL} name. This is how one machine
 * scales out reads: query-api instances share nothing but Kafka, so each added one serves the whole
 * fleet from its own memory, on cores the writes do not use.
 */
final class RoleCommand {

    static final Map<String, Class<?>> ROLES = Map.of(
            "query-api", QueryApiApplication.class,
            "projections", ProjectionsApplication.class,
            "command-api", CommandApiApplication.class);

    private RoleCommand() {
    }

    /** Starts the role and returns -1 (the process keeps running, like the platform), or 2 for bad arguments. */
    static int run(String role, String[] args) {
        Map<String, Object> addresses;
        try {
            addresses = EmbeddedRuntimeProbe.runningPlatformAddresses(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        start(role, addresses, args);
        return -1;
    }

    /** Starts the role on {@code addresses} (Kafka, PostgreSQL) with {@code args} as its other settings. */
    static ConfigurableApplicationContext start(String role, Map<String, Object> addresses, String[] args) {
        SpringApplication application = new SpringApplication(ROLES.get(role));
        application.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("marquee-running-platform", addresses)));
        return application.run(args);
    }
}
