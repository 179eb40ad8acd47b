package io.marquee.standalone;

import io.marquee.infra.runtime.EmbeddedKafkaBroker;
import io.marquee.infra.runtime.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts what the configuration does not name (the embedded Kafka broker and PostgreSQL server, with
 * their data under {@code marquee.data-dir}), then the platform on them. Closes them after the Spring
 * context on shutdown, and exits non-zero if anything fails to start rather than hanging on the
 * embedded servers' threads.
 */
final class StandaloneLauncher {

    private static final Logger log = LoggerFactory.getLogger(StandaloneLauncher.class);

    private StandaloneLauncher() {
    }

    static ConfigurableApplicationContext launch(String[] args) {
        // Axon phones home unless told not to, and only a system property tells it.
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<AutoCloseable> embedded = new ArrayList<>();
        try {
            Binder settings = settings(args);
            Path dataDir = Path.of(settings.bind("marquee.data-dir", String.class).orElse("data")).toAbsolutePath();
            Map<String, Object> addresses = new HashMap<>();
            if (!settings.bind("marquee.kafka.bootstrap-servers", String.class).isBound()) {
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0);
                embedded.add(0, kafka);
                addresses.put("marquee.kafka.bootstrap-servers", kafka.bootstrapServers());
            }
            if (!settings.bind("marquee.db.url", String.class).isBound()) {
                EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0);
                embedded.add(postgres);
                postgres.ensureDatabase(EmbeddedPostgresServer.DEFAULT_DATABASE);
                addresses.put("marquee.db.url", postgres.jdbcUrl(EmbeddedPostgresServer.DEFAULT_DATABASE));
                addresses.put("marquee.db.username", postgres.username());
                addresses.put("marquee.db.password", postgres.password());
            }
            SpringApplication application = new SpringApplication(MarqueeStandalone.class);
            application.addInitializers(context -> context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("marquee-embedded-runtime", addresses)));
            // Kafka first, then PostgreSQL, and only once the platform no longer uses them.
            embedded.forEach(server -> SpringApplication.getShutdownHandlers().add(() -> closeQuietly(server)));
            return application.run(args);
        } catch (Throwable failure) {
            log.error("Marquee failed to start: {}", rootMessage(failure), failure);
            embedded.forEach(StandaloneLauncher::closeQuietly);
            System.exit(1);
            throw new IllegalStateException("unreachable", failure);
        }
    }

    /** Command line, system properties and environment, read before Spring starts. */
    private static Binder settings(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return Binder.get(environment);
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Closing {} failed", server, e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
